import { Alert, Button, Card, DatePicker, Space, Tabs } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { OFFICE_ROLES } from '@duikou/contracts';
import { attendanceApi } from '../../api/attendance.endpoints';
import { useMe, useSession } from '../../auth/session.context';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { OrganisationSelect } from '../../shared/remote-selects';
import { useListState } from '../../shared/use-list-state';
import { AppealsTab } from './appeals.tab';
import { AttendanceMonthView } from './attendance-month.view';
import { GeofenceForm } from './geofence.form';
import './attendance.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Who sees what here: the month grid is the recipient's (its own) or an office's (a recipient it picks). */
function useAttendanceRights() {
  const me = useMe();
  const { can } = useSession();
  const office = (OFFICE_ROLES as readonly string[]).includes(me.role) || me.role === 'admin';
  const recipient = me.role === 'recipient_unit';
  return {
    office,
    recipient,
    /** Grid, confirm and geofence: recipient units (their own) and offices (a recipient in their area). */
    seesMonth: office || recipient,
    /** Filling days and confirming is the recipient's job (the admin may step in). */
    canEdit: can('attendance:write') && (recipient || me.role === 'admin'),
    /** 考勤申诉 are raised by the person or the support unit. */
    canAppeal: ['staff', 'team_leader', 'support_unit', 'admin'].includes(me.role),
  };
}

/**
 * /attendance 考勤: the month grid of a recipient unit (staff × days, filled from check-ins and leave,
 * completed by the unit, confirmed and locked), 考勤申诉 and the unit's 打卡范围. Offices pick a recipient
 * in their area; units see their own; staff and support units see the appeals they raise.
 */
export function AttendancePage() {
  const me = useMe();
  const rights = useAttendanceRights();
  const { state, update } = useListState(['month', 'org', 'tab']);
  const month = state.filters.month && MONTH.test(state.filters.month) ? state.filters.month : dayjs().format('YYYY-MM');
  const recipientOrgId = rights.recipient ? me.org.id : state.filters.org;
  const tabs = [...(rights.seesMonth ? ['month'] : []), 'appeals', ...(rights.seesMonth ? ['geofence'] : [])];
  const tab = tabs.includes(state.filters.tab ?? '') ? state.filters.tab! : tabs[0]!;

  const grid = useQuery({
    queryKey: ['attendance', 'month', month, rights.office ? recipientOrgId ?? '' : ''],
    queryFn: ({ signal }) => attendanceApi.month(month, rights.office ? recipientOrgId : undefined, signal),
    enabled: rights.seesMonth && tab === 'month' && !!recipientOrgId,
    placeholderData: keepPreviousData,
  });

  const shift = (n: number) => update({ month: dayjs(`${month}-01`).add(n, 'month').format('YYYY-MM') });
  const pickRecipient = rights.office ? (
    <OrganisationSelect
      role="recipient"
      value={state.filters.org}
      onChange={(v) => update({ org: v })}
      placeholder="选择受援单位"
      className="dk-att-recipient"
    />
  ) : null;

  const monthPicker = (
    <Space.Compact>
      <Button icon={<LeftOutlined />} aria-label="上个月" onClick={() => shift(-1)} />
      <DatePicker
        picker="month"
        allowClear={false}
        inputReadOnly
        value={dayjs(`${month}-01`)}
        format="YYYY年MM月"
        onChange={(d) => d && update({ month: d.format('YYYY-MM') })}
        aria-label="月份"
        style={{ width: 130 }}
      />
      <Button icon={<RightOutlined />} aria-label="下个月" onClick={() => shift(1)} />
    </Space.Compact>
  );

  const monthTab = !recipientOrgId ? (
    <EmptyState description="请先选择受援单位，查看其派驻人员的月度考勤。" />
  ) : grid.isPending ? <CardSkeleton rows={6} /> : grid.error ? (
    <ErrorAlert error={grid.error} onRetry={() => void grid.refetch()} />
  ) : grid.data ? (
    <AttendanceMonthView data={grid.data} canEdit={rights.canEdit} recipientOrgId={rights.office ? recipientOrgId : undefined} />
  ) : null;

  const items = [
    ...(rights.seesMonth ? [{ key: 'month', label: '月度考勤', children: tab === 'month' ? monthTab : null }] : []),
    {
      key: 'appeals', label: '考勤申诉',
      children: tab === 'appeals' ? <AppealsTab recipientOrgId={rights.office ? recipientOrgId : undefined} canCreate={rights.canAppeal} /> : null,
    },
    ...(rights.seesMonth ? [{
      key: 'geofence', label: '打卡范围',
      children: tab === 'geofence' ? (recipientOrgId ? <GeofenceForm orgId={recipientOrgId} /> : <EmptyState description="请先选择受援单位，再设置其打卡范围。" />) : null,
    }] : []),
  ];

  return (
    <>
      <PageHeader
        title="考勤"
        subtitle={rights.recipient ? `${me.org.name}：派驻人员逐日考勤，月底确认后锁定` : rights.office ? '辖区内受援单位的派驻人员考勤' : '考勤由受援单位填报和确认；记录有误可提出考勤申诉'}
        extra={(tab === 'month' || (tab === 'appeals' && rights.office) || (tab === 'geofence' && rights.office)) && (
          <div className="dk-att-pickers">
            {pickRecipient}
            {tab === 'month' && monthPicker}
          </div>
        )}
      />
      {!rights.seesMonth && me.permissions.includes('checkin:write') && (
        <Alert
          type="info"
          showIcon
          className="dk-section"
          title="每日签到、签退请到「打卡」页面；确认锁定后的考勤如有错误，可在此提出申诉。"
          action={<Link to="/check-in"><Button size="small">去打卡</Button></Link>}
        />
      )}
      <Card size="small">
        <Tabs activeKey={tab} onChange={(k) => update({ tab: k === tabs[0] ? undefined : k, month: state.filters.month, org: state.filters.org })} items={items} />
      </Card>
    </>
  );
}
