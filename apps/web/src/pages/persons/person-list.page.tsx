import { useState } from 'react';
import { Link } from 'react-router';
import { App as AntApp, Button, Select, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  EDUCATION_LABELS, EDUCATION_LEVELS, GENDER_LABELS, OFFICE_ROLES, REGISTRATION_FORMS_MAX, TITLE_LEVEL_LABELS, TITLE_LEVELS, type EducationLevel, type Person, type TitleLevel,
} from '@duikou/contracts';
import { errorMessage } from '../../api/http-client';
import { personsApi } from '../../api/persons.endpoints';
import { useMe, useSession } from '../../auth/session.context';
import { ArchivedTag } from '../../shared/archived-tag';
import { text } from '../../shared/format';
import { ListToolbar, paginationOf } from '../../shared/list-toolbar';
import { PageHeader } from '../../shared/page-header';
import { EmptyState, ErrorAlert } from '../../shared/page-state';
import { RecordActions } from '../../shared/record-actions';
import { OrganisationSelect } from '../../shared/remote-selects';
import { useIsPhone } from '../../shared/use-is-phone';
import { useListState } from '../../shared/use-list-state';
import { PersonFormModal } from './person-form.modal';
import { PersonImportModal } from './person-import.modal';
import { titleText } from './person-format';
import './persons.css';

/** 人员 list (MY 附件2 fields): search, employer / title level / education filters, masked identifiers, import, batch print of 报名表. */
export function PersonListPage() {
  const { can } = useSession();
  const me = useMe();
  // A unit sees its own staff only: the employer filter and, on a phone, the employer column say nothing.
  const ownStaffOnly = me.role !== 'admin' && me.role !== 'auditor' && !OFFICE_ROLES.includes(me.role);
  const { message } = AntApp.useApp();
  const isPhone = useIsPhone();
  const canWrite = can('person:write');
  const canReveal = can('person:reveal');
  const queryClient = useQueryClient();
  const { state, update, query } = useListState(['employerOrgId', 'titleLevel', 'education']);
  const [editing, setEditing] = useState<Person | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [printing, setPrinting] = useState(false);

  const list = useQuery({
    queryKey: ['persons', 'list', query],
    queryFn: ({ signal }) => personsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['persons'] });
  const filtered = !!(state.q || state.filters.employerOrgId || state.filters.titleLevel || state.filters.education);

  const printSelected = async () => {
    setPrinting(true);
    try {
      const name = await personsApi.registrationForms(selected);
      message.success(`已生成 ${name}（每人一页，查看记入审计日志）`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setPrinting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="人员"
        subtitle="对口支援人员（绵阳附件2 报名表字段）；身份证号和电话已脱敏"
        extra={
          <>
            {canReveal && selected.length > 0 && (
              <Button icon={<FilePdfOutlined />} loading={printing} onClick={() => void printSelected()}>
                打印报名表（{selected.length} 人）
              </Button>
            )}
            {canWrite && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入</Button>}
          </>
        }
      />
      <ListToolbar
        q={state.q}
        onSearch={(q) => update({ q })}
        placeholder="姓名、科室或单位"
        includeArchived={state.includeArchived}
        onIncludeArchived={(v) => update({ includeArchived: v })}
        filters={
          <>
            {!ownStaffOnly && (
              <OrganisationSelect className="dk-toolbar-select" placeholder="全部工作单位" value={state.filters.employerOrgId} onChange={(v) => update({ employerOrgId: v })} />
            )}
            <Select<TitleLevel>
              className="dk-toolbar-select"
              allowClear
              placeholder="全部职称级别"
              value={state.filters.titleLevel as TitleLevel | undefined}
              onChange={(v) => update({ titleLevel: v })}
              options={TITLE_LEVELS.map((l) => ({ value: l, label: TITLE_LEVEL_LABELS[l] }))}
            />
            <Select<EducationLevel>
              className="dk-toolbar-select"
              allowClear
              placeholder="全部学历"
              value={state.filters.education as EducationLevel | undefined}
              onChange={(v) => update({ education: v })}
              options={EDUCATION_LEVELS.map((l) => ({ value: l, label: EDUCATION_LABELS[l] }))}
            />
          </>
        }
        actions={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>登记人员</Button>}
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {canReveal && selected.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          已选 {selected.length} 人 <Button type="link" size="small" onClick={() => setSelected([])}>清除选择</Button>
        </Typography.Paragraph>
      )}
      <Table<Person>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={paginationOf(state, list.data?.total, update)}
        scroll={{ x: isPhone ? 480 : 1080 }}
        rowClassName={(r) => (r.archived ? 'dk-row-archived' : '')}
        rowSelection={canReveal ? {
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => {
            if (keys.length > REGISTRATION_FORMS_MAX) message.warning(`一次最多打印 ${REGISTRATION_FORMS_MAX} 人的报名表`);
            setSelected((keys as string[]).slice(0, REGISTRATION_FORMS_MAX));
          },
          columnWidth: 36,
        } : undefined}
        locale={{
          // Before the first answer the spinner alone: an empty-state sentence would be wrong for a moment.
          emptyText: list.isPending ? <div style={{ minHeight: 96 }} aria-hidden /> : (
            <EmptyState
              description={filtered
                ? '没有符合条件的人员，请调整搜索词或筛选条件。'
                : canWrite ? '还没有登记人员。点击「登记人员」逐个填写，或点击「导入」按模板上传 Excel 表。' : '您的范围内还没有登记人员。'}
            />
          ),
        }}
        columns={[
          {
            title: '姓名', dataIndex: 'name', width: isPhone ? 116 : 130, fixed: 'left',
            render: (v: string, r) => (
              <>
                <Link to={`/persons/${r.id}`}>{v}</Link><ArchivedTag archived={r.archived} />
                <div className="dk-muted dk-person-sub">{GENDER_LABELS[r.gender]} · {r.birthMonth}</div>
              </>
            ),
          },
          ...(isPhone && ownStaffOnly ? [] : [{ title: '工作单位', dataIndex: 'employerOrgName', width: isPhone ? 150 : 180 }]),
          ...(isPhone ? [] : [{ title: '科室及专业', dataIndex: 'specialty', width: 120, render: (v: string | null) => text(v) }]),
          {
            title: '职称', key: 'title', width: 150,
            render: (_: unknown, r: Person) => (r.title ? <>{r.title} {r.titleLevel !== 'none' && <Tag>{TITLE_LEVEL_LABELS[r.titleLevel]}</Tag>}</> : titleText(r)),
          },
          ...(isPhone ? [] : [
            { title: '学历', dataIndex: 'education', width: 110, render: (e: EducationLevel) => <span className="dk-nowrap">{EDUCATION_LABELS[e]}</span> },
            { title: '身份证号', dataIndex: 'idNumberMasked', width: 180, render: (v: string) => <span className="dk-masked">{v}</span> },
            { title: '手机号', dataIndex: 'mobileMasked', width: 120, render: (v: string) => <span className="dk-masked">{v}</span> },
          ]),
          ...(canWrite
            ? [{
                title: '操作', key: 'actions', width: isPhone ? 72 : 88, fixed: isPhone ? undefined : ('right' as const),
                render: (_: unknown, r: Person) => (
                  <RecordActions
                    compact
                    what="人员"
                    referencedBy="派驻记录、登录账号或通报"
                    archived={r.archived}
                    onEdit={() => setEditing(r)}
                    remove={() => personsApi.remove(r.id)}
                    restore={() => personsApi.restore(r.id)}
                    onDone={refresh}
                  />
                ),
              }]
            : []),
        ]}
      />
      <PersonFormModal open={editing !== undefined} person={editing} onClose={() => setEditing(undefined)} onSaved={() => { setEditing(undefined); refresh(); }} />
      <PersonImportModal open={importing} onClose={() => setImporting(false)} onImported={refresh} />
    </>
  );
}
