import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Input, Tag, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { programmesApi } from '../../api/endpoints';
import { useSession } from '../../auth/session.context';
import { PageHeader } from '../../shared/page-header';
import { CardSkeleton, EmptyState, ErrorAlert } from '../../shared/page-state';
import { useIsPhone } from '../../shared/use-is-phone';
import { FORM_CATALOGUE, NOTICES, anchorOf, formsAllowed, searchForms, shortLabelOf, type OfficialForm } from './form-catalogue';
import { defaultProgrammes, orderNotices } from './form-filters';
import { OfficialFormCard } from './official-form.card';
import './forms.css';

/**
 * /forms 表格中心: every official form of 楚卫通〔2018〕43号 and the 绵阳“传帮带” notice, and the other documents the
 * product prints, grouped by notice — what each holds, who fills it, when it is due, and its export, import or the
 * page that produces it. Only actions the user's permissions allow are shown. A clerk reaches any attachment in two
 * clicks: its quick link at the top, then its button.
 */
export function FormsCentrePage() {
  const { can } = useSession();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const [highlighted, setHighlighted] = useState<string | null>(null);

  const programmes = useQuery({
    queryKey: ['programmes', 'list', 'forms-centre'],
    queryFn: ({ signal }) => programmesApi.list({ pageSize: 100 }, signal),
    staleTime: 60_000,
  });

  const allowed = useMemo(() => formsAllowed(FORM_CATALOGUE, can), [can]);
  const found = useMemo(() => searchForms(allowed, text), [allowed, text]);
  const order = orderNotices(programmes.data?.items);
  const defaults = defaultProgrammes(programmes.data?.items ?? []);
  const groups = order
    .map(({ code, inScope }) => ({ notice: NOTICES[code], inScope, forms: found.filter((f) => f.notice === code) }))
    .filter((g) => g.forms.length > 0);
  // While searching, the notice holding the best match comes first.
  const bestOf = (g: { forms: OfficialForm[] }) => Math.min(...g.forms.map((f) => found.indexOf(f)));
  if (text.trim()) groups.sort((a, b) => bestOf(a) - bestOf(b));

  const setText = (q: string) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (q) next.set('q', q); else next.delete('q');
    return next;
  }, { replace: true });

  const jumpTo = (form: OfficialForm) => {
    const el = document.getElementById(anchorOf(form));
    if (!el) return;
    el.scrollIntoView({ behavior: 'smooth', block: 'start' });
    el.focus({ preventScroll: true });
    setHighlighted(form.id);
  };
  // The highlight fades so a second jump is visible too.
  useEffect(() => {
    if (!highlighted) return;
    const t = setTimeout(() => setHighlighted(null), 2400);
    return () => clearTimeout(t);
  }, [highlighted]);

  return (
    <div className="dk-forms">
      <PageHeader
        title="表格中心"
        subtitle="两项通知规定的全部报表、附件和系统打印的文书：内容、填报单位、报送时限，以及导出、导入或办理入口"
        crumbs={[{ title: '首页', to: '/' }, { title: '表格中心' }]}
        extra={can('calendar:read') ? <Link to="/deadlines"><Button icon={<CalendarOutlined />}>时限日历</Button></Link> : undefined}
      />

      <div className="dk-forms-search">
        <Input.Search
          allowClear
          size="large"
          placeholder="搜索表格：如 附件2、师带徒、月报、报名表、年度鉴定"
          value={text}
          onSearch={setText}
          onChange={(e) => setText(e.target.value)}
          aria-label="搜索表格"
        />
      </div>

      {allowed.length > 0 && found.length > 0 && (
        <nav className="dk-forms-jump" aria-label="快速定位表格">
          {groups.map((g) => (
            <div key={g.notice.code} className="dk-forms-jump-group">
              <Typography.Text type="secondary" className="dk-forms-jump-label">{g.notice.policyCode ? g.notice.documentNo : '通用'}</Typography.Text>
              {g.forms.map((f) => (
                <Button key={f.id} size="small" onClick={() => jumpTo(f)}>{shortLabelOf(f).replace(/^(楚雄|绵阳)/, '')}</Button>
              ))}
            </div>
          ))}
        </nav>
      )}

      {programmes.isError && (
        <ErrorAlert error={programmes.error} title="项目列表加载失败：导出时请自行选择项目" onRetry={() => void programmes.refetch()} />
      )}

      {programmes.isPending ? (
        <CardSkeleton rows={8} />
      ) : allowed.length === 0 ? (
        <EmptyState description="您的账号没有需要办理的报表或文书。如需导出或打印，请联系本单位管理员开通权限。" />
      ) : found.length === 0 ? (
        <EmptyState description={<>没有找到与“{text}”相关的表格。可以试试“附件2”“师带徒”“统计表”“报名表”。</>}>
          <Button onClick={() => setText('')}>显示全部表格</Button>
        </EmptyState>
      ) : (
        groups.map((g) => (
          <section key={g.notice.code} className="dk-forms-group" aria-labelledby={`notice-${g.notice.code}`}>
            <div className="dk-forms-group-head">
              <Typography.Title level={5} id={`notice-${g.notice.code}`} className="dk-forms-group-title">
                {g.notice.policyCode ? <Tag color={g.notice.code === 'cx' ? 'volcano' : 'cyan'}>{g.notice.policyCode}</Tag> : <Tag>通用</Tag>}
                {g.notice.policyCode ? `${g.notice.documentNo} ${g.notice.title}` : g.notice.title}
              </Typography.Title>
              <Typography.Text type="secondary">{g.notice.issuer}</Typography.Text>
              {g.inScope === false && (
                <Alert type="info" showIcon className="dk-forms-out-of-scope" title="您的范围内暂无该通知下的项目；仍可按此样式导出，表中只含您可见的记录。" />
              )}
            </div>
            <div className="dk-forms-cards">
              {g.forms.map((f) => (
                <OfficialFormCard key={f.id} form={f} programmeId={defaults[f.notice]} highlighted={highlighted === f.id} isPhone={isPhone} />
              ))}
            </div>
          </section>
        ))
      )}
    </div>
  );
}
