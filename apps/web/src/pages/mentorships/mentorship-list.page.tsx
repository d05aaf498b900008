import { useState } from 'react';
import { App as AntApp, Button, DatePicker, Tabs, Typography } from 'antd';
import { ApartmentOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { MENTORSHIP_TABLE_TITLE, type Mentorship } from '@duikou/contracts';
import { mentorshipsApi } from '../../api/mentorships.endpoints';
import { errorMessage } from '../../api/http-client';
import { useMe, useSession } from '../../auth/session.context';
import { ListTable } from '../../shared/list-table';
import { CollapsibleFilters } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { OrganisationSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { PairingSelect } from '../assignments/dispatch-selects';
import { MentorshipDetailDrawer } from './mentorship-detail.drawer';
import { MentorshipFormModal } from './mentorship-form.modal';
import { countApprentices, countsText, mentorName, SignedTag } from './mentorship-parts';
import { MentorshipVerdictsPanel } from './mentorship-verdicts.panel';
import { RecipientDepartmentsModal } from './recipient-departments.modal';
import './mentorships.css';

const FILTERS = ['tab', 'year', 'pairingId', 'supportOrgId', 'recipientOrgId'] as const;

/** A year from the URL, or undefined when absent or out of range. */
export function yearFilterOf(v: string | undefined): number | undefined {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}

/**
 * /mentorships 师带徒: the agreements between support staff and the recipient's apprentices (year, pairing,
 * units), their apprentices, assessment and certificates in a drawer; the engine's ratio, rotation and
 * coverage verdicts; the recipient's main departments; and the MY 附件4 export.
 */
export function MentorshipListPage() {
  const me = useMe();
  const { can } = useSession();
  const isPhone = useIsPhone();
  const { message } = AntApp.useApp();
  const { state, update, query } = useListState(FILTERS);
  const f = state.filters;
  const tab = f.tab === 'verdicts' ? 'verdicts' : 'list';
  const year = yearFilterOf(f.year);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<{ editing: Mentorship | null } | null>(null);
  const [departmentsFor, setDepartmentsFor] = useState<{ orgId?: string } | null>(null);
  const [exporting, setExporting] = useState(false);

  const canWrite = can('mentorship:write');
  const dispatched = me.role === 'staff' || me.role === 'team_leader';
  const isRecipient = me.role === 'recipient_unit';
  const isSupport = me.role === 'support_unit';
  const unitFilters = { pairingId: f.pairingId, supportOrgId: f.supportOrgId, recipientOrgId: f.recipientOrgId };
  const filtered = !!(year || f.pairingId || f.supportOrgId || f.recipientOrgId);
  const activeFilters = [year, f.pairingId, f.supportOrgId, f.recipientOrgId].filter(Boolean).length;

  const list = useQuery({
    queryKey: ['mentorships', 'list', query],
    queryFn: ({ signal }) => mentorshipsApi.list({ ...query, tab: undefined, q: undefined, year }, signal),
    placeholderData: keepPreviousData,
    enabled: tab === 'list',
  });

  const exportTable = async () => {
    setExporting(true);
    const hide = message.loading('正在生成附件4 统计表…', 0);
    try {
      const name = await mentorshipsApi.exportTable({ year, ...unitFilters });
      message.success(`已导出 ${name}`);
    } catch (e) {
      message.error(`导出失败：${errorMessage(e)}`);
    } finally {
      hide();
      setExporting(false);
    }
  };

  const columns: ColumnsType<Mentorship> = [
    { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y} 年` },
    {
      title: '支援人员', key: 'mentor', width: 170,
      render: (_: unknown, m) => (<><a onClick={() => setOpenId(m.id)}>{mentorName(m)}</a><span className="dk-ms-sub">{m.mentorSpecialtyTitle}</span></>),
    },
    {
      title: '支援单位 → 受援单位', key: 'units', width: 240,
      render: (_: unknown, m) => (<>{m.assignment.supportOrg.name} → {m.assignment.recipientOrg.name}<span className="dk-ms-sub">{m.assignment.department}</span></>),
    },
    {
      title: '跟学人员', key: 'apprentices', width: 220,
      render: (_: unknown, m) => (
        <>
          <b>{m.apprentices.length}</b> 人
          <span className="dk-ms-sub dk-ms-ellipsis" title={m.apprentices.map((a) => a.name).join('、')}>{m.apprentices.map((a) => a.name).join('、')}</span>
        </>
      ),
    },
    { title: '考核与证书', key: 'assessment', width: 200, render: (_: unknown, m) => countsText(countApprentices(m.apprentices)) },
    { title: '签订日期', key: 'signedOn', width: 110, render: (_: unknown, m) => <SignedTag mentorship={m} /> },
    {
      title: '操作', key: 'actions', width: 140, fixed: 'right',
      render: (_: unknown, m) => (
        <div className="dk-ms-actions">
          <Button size="small" type="link" onClick={() => setOpenId(m.id)}>详情</Button>
          {m.canEdit && <Button size="small" type="link" onClick={() => setForm({ editing: m })}>编辑</Button>}
        </div>
      ),
    },
  ];
  // Phones: one column per agreement instead of scrolling sideways.
  const phoneColumns: ColumnsType<Mentorship> = [{
    title: '师带徒协议', key: 'agreement',
    render: (_: unknown, m) => (
      <div className="dk-ms-phone-row">
        <div className="dk-ms-phone-head"><a onClick={() => setOpenId(m.id)}>{m.assignment.personName}</a><span>{m.year} 年</span><SignedTag mentorship={m} /></div>
        <span className="dk-ms-sub">{m.assignment.supportOrg.name} → {m.assignment.recipientOrg.name}</span>
        <span>跟学 {m.apprentices.length} 人：{m.apprentices.map((a) => a.name).join('、')}</span>
        <span className="dk-ms-sub">{countsText(countApprentices(m.apprentices))}</span>
      </div>
    ),
  }];

  const filterControls = (
    <>
      <DatePicker
        picker="year"
        className="dk-ms-year"
        placeholder="全部年度"
        value={year ? dayjs(`${year}-01-01`) : null}
        onChange={(d) => update({ year: d ? d.year() : undefined })}
        aria-label="协议年度"
        disabled={tab === 'verdicts'}
      />
      {!dispatched && (
        <>
          <div className="dk-ms-pairing"><PairingSelect value={f.pairingId} onChange={(v) => update({ pairingId: v })} placeholder="对口关系（受援单位 ← 支援单位）" /></div>
          {!isRecipient && <OrganisationSelect className="dk-toolbar-select" role="recipient" placeholder="受援单位" value={f.recipientOrgId} onChange={(v) => update({ recipientOrgId: v })} />}
          {!isSupport && <OrganisationSelect className="dk-toolbar-select" role="support" placeholder="支援单位" value={f.supportOrgId} onChange={(v) => update({ supportOrgId: v })} />}
        </>
      )}
    </>
  );

  const listView = (
    <>
      <ListTable<Mentorship>
        list={list}
        state={state}
        update={update}
        columns={columns}
        phoneColumns={phoneColumns}
        isPhone={isPhone}
        scrollX={1160}
        rowClassName="dk-ms-row"
        onRow={(m) => ({ onClick: (e) => { if (!(e.target as HTMLElement).closest('a,button')) setOpenId(m.id); } })}
        empty={{ description: filtered ? '没有符合条件的师带徒协议，请调整年度或对口关系。' : canWrite ? '还没有师带徒协议。支援人员每年与受援单位人员签订一份协议，登记带教的跟学人员。' : '您的范围内还没有师带徒协议。', action: canWrite && !filtered && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>登记师带徒协议</Button> }}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title="师带徒"
        subtitle="支援人员与受援单位人员签订师带徒协议：带教人数、每年更换与主要科室覆盖由规则判定；考核合格颁发师带徒证书"
        extra={
          <div className="dk-ms-actions">
            {!dispatched && (
              <Button icon={<ApartmentOutlined />} onClick={() => setDepartmentsFor({ orgId: f.recipientOrgId })}>主要科室</Button>
            )}
            <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportTable()}>{exporting ? '正在导出…' : '导出附件4'}</Button>
            {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>登记协议</Button>}
          </div>
        }
      />
      <div className="dk-toolbar">
        <CollapsibleFilters active={activeFilters}>{filterControls}</CollapsibleFilters>
      </div>
      {exporting && <Typography.Text type="secondary" className="dk-ms-exporting">正在按当前筛选条件生成《{MENTORSHIP_TABLE_TITLE}》（附件4），请稍候…</Typography.Text>}
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'verdicts' ? 'verdicts' : undefined })}
        items={[
          { key: 'list', label: `协议列表${list.data ? `（${list.data.total}）` : ''}`, children: listView },
          {
            key: 'verdicts', label: '规则判定',
            children: (
              <MentorshipVerdictsPanel
                key={JSON.stringify(unitFilters)}
                filters={unitFilters}
                onDepartments={(orgId) => setDepartmentsFor({ orgId })}
              />
            ),
          },
        ]}
      />
      <MentorshipDetailDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onEdit={(m) => setForm({ editing: m })}
        onDeleted={() => setOpenId(null)}
      />
      {canWrite && (
        <MentorshipFormModal
          open={!!form}
          editing={form?.editing ?? null}
          onClose={() => setForm(null)}
          onSaved={(m) => { const created = !form?.editing; setForm(null); if (created) setOpenId(m.id); }}
        />
      )}
      <RecipientDepartmentsModal
        open={!!departmentsFor}
        orgId={departmentsFor?.orgId}
        fixedOrgId={isRecipient ? me.org.id : undefined}
        onClose={() => setDepartmentsFor(null)}
      />
    </>
  );
}
