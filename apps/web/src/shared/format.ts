import dayjs from 'dayjs';

export const DASH = '—';

export const formatDate = (d: string | null | undefined): string => (d ? dayjs(d).format('YYYY-MM-DD') : DASH);
export const formatDateTime = (d: string | null | undefined): string => (d ? dayjs(d).format('YYYY-MM-DD HH:mm:ss') : DASH);

/** 2018-05-15 至 2020-12-31; open ends say 起 / 止. */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return '未设定';
  if (from && to) return `${formatDate(from)} 至 ${formatDate(to)}`;
  if (from) return `${formatDate(from)} 起`;
  return `至 ${formatDate(to)}`;
}

/** 人员要求 as printed in the notices. */
export const formatStaffing = (n: number | null | undefined): string =>
  n === null || n === undefined ? '不作要求' : `每个支援单位每年不少于${n}人`;

export const text = (v: string | null | undefined): string => (v && v.trim() ? v : DASH);

export const labelOf = <K extends string>(labels: Record<K, string>, key: string | null | undefined): string =>
  key ? ((labels as Record<string, string>)[key] ?? key) : DASH;
