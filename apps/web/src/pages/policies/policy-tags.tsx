import { Tag, Tooltip } from 'antd';
import { POLICY_STATUS_LABELS, type PolicyVersionSummary } from '@duikou/contracts';

/** 「CX 第 2 版」 */
export const versionTitle = (p: Pick<PolicyVersionSummary, 'code' | 'version'>): string => `${p.code} 第 ${p.version} 版`;

/** 草稿 / 已发布, and 现行 for the version in force today. */
export function PolicyTags({ policy }: { policy: Pick<PolicyVersionSummary, 'status' | 'current'> }) {
  return (
    <>
      <Tag color={policy.status === 'draft' ? 'gold' : 'green'}>{POLICY_STATUS_LABELS[policy.status] ?? policy.status}</Tag>
      {policy.current && (
        <Tooltip title="今天施行中的版本：该政策编码的项目按此版本的参数考核">
          <Tag color="blue">现行</Tag>
        </Tooltip>
      )}
    </>
  );
}
