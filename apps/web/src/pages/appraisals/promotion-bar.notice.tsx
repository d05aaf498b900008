import { Alert } from 'antd';
import type { ShownVerdict } from '@duikou/contracts';

/**
 * 不合格 → 晋升限制: before filing, the rule as a warning; once filed, the engine's verdict
 * (appraisal.promotion-bar) with its dates — the bar runs from the filing date.
 */
export function PromotionBarNotice({ verdict }: { verdict?: ShownVerdict | undefined }) {
  const years = typeof verdict?.figures.years === 'number' ? verdict.figures.years : 2;
  const until = typeof verdict?.figures.barUntil === 'string' ? verdict.figures.barUntil : null;
  const from = typeof verdict?.figures.allowedFrom === 'string' ? verdict.figures.allowedFrom : null;
  const inForce = verdict?.status === 'unmet';
  return (
    <Alert
      type={verdict && !inForce ? 'info' : 'warning'}
      showIcon
      data-testid="promotion-bar"
      style={{ marginBottom: 16 }}
      title={until ? `晋升限制：${inForce ? '限制期内' : '已期满'}，至 ${until}` : `鉴定为不合格：${years} 年内不得晋升职称`}
      description={
        <>
          {verdict?.explanation ?? `年度鉴定不合格的，自鉴定备案之日起 ${years} 年内不得晋升和聘任上一级专业技术职务。`}
          {from && <div>{from} 起可晋升。</div>}
          {verdict?.citation && <div className="dk-ap-source">依据：{verdict.citation}</div>}
        </>
      }
    />
  );
}
