import { certificateNumberSchema, type Certificate } from '@duikou/contracts';

/** 累计在岗 200 个工作日（要求不少于 240）, as the engine counted at issue; unknown when it could not count. */
export function onSiteText(onSite: Certificate['onSite']): string {
  if (!onSite || onSite.done === null) return '无法计算';
  const unit = onSite.ruleId === 'on-site.cumulative' ? '天' : '个工作日';
  return `${onSite.done} ${unit}${onSite.required !== null ? `（要求不少于 ${onSite.required}）` : ''}`;
}

/** A typed number made comparable (spaces out, upper case), or the Chinese reason it is not a certificate number. */
export function normaliseNumber(input: string): { number: string } | { error: string } {
  const number = input.replace(/\s+/g, '').toUpperCase();
  if (!number) return { error: '请输入证明编号' };
  const parsed = certificateNumberSchema.safeParse(number);
  return parsed.success ? { number: parsed.data } : { error: parsed.error.issues[0]?.message ?? '证书编号格式应如 CX-ZM-2026-0001' };
}
