import { describe, expect, it } from 'vitest';
import type { Appraisal, AppraisalFigures } from '@duikou/contracts';
import { normaliseNumber, onSiteText } from '../certificates/certificate-parts';
import { toAppraisalCreate } from './appraisal-create.modal';
import { overviewSlices } from './appraisal-list.page';
import { commentRuleOf, completingStepOf, figureRows, forwardLabel, sectionStateOf, sendBackTo, stepTagOf, withFigureLabels } from './appraisal-parts';

const chain = [
  { party: 'recipient_unit', label: '受援医院鉴定' }, { party: 'county_office', label: '县级卫生健康行政部门意见' },
  { party: 'prefecture_office', label: '州（市）卫生健康委审核' }, { party: 'provincial_office', label: '省卫生健康委备案' },
];
type Step = Appraisal['steps'][number];
const step = (party: string, action: Step['action'], comment: string | null = null): Step => ({
  party, label: chain.find((c) => c.party === party)!.label, action, comment, actedBy: party, actedAt: '2026-11-23T08:00:00.000Z',
});
const at = (stage: number, steps: Step[] = []) => ({
  stage, chain, steps, status: (stage === 0 ? 'draft' : stage >= chain.length ? 'filed' : 'in_review') as Appraisal['status'],
  awaitingLabel: chain[stage]?.label ?? null,
});

describe('appraisal parts', () => {
  it('names the forward button of each step after what the party does', () => {
    expect(chain.map((_, i) => forwardLabel(chain, i))).toEqual(['提交鉴定', '出具意见并上报', '审核通过，报省备案', '确认备案']);
    expect(commentRuleOf(chain, 1)).toEqual({ label: '意见', required: true });
    expect(commentRuleOf(chain, 2).required).toBe(false);
    expect(commentRuleOf(chain, 3).label).toBe('备案说明');
  });

  it('tags where it stands: awaited step, sent back, filed', () => {
    expect(stepTagOf(at(0)).text).toBe('待受援医院鉴定');
    expect(stepTagOf(at(1, [step('recipient_unit', 'submit')])).text).toBe('待县级卫生健康行政部门意见');
    const back = stepTagOf(at(1, [step('recipient_unit', 'submit'), step('county_office', 'approve'), step('prefecture_office', 'send_back', '请补充')]));
    expect(back).toMatchObject({ text: '已退回，县级卫生健康行政部门意见', sentBack: true });
    expect(stepTagOf(at(4)).text).toBe('已备案');
  });

  it('finds the act that completed a step (after send-backs) and the reason a step was sent back', () => {
    const steps = [
      step('recipient_unit', 'submit'), step('county_office', 'approve', '同意'), step('prefecture_office', 'send_back', '请核实'),
      step('county_office', 'approve', '已核实'),
    ];
    expect(completingStepOf(steps, chain, 1)?.comment).toBe('已核实');
    expect(completingStepOf(steps, chain, 2)).toBeNull();
    expect(sendBackTo(steps.slice(0, 3), chain, 1)?.comment).toBe('请核实');
    expect(sendBackTo(steps.slice(0, 3), chain, 0)).toBeNull();
    expect(sendBackTo(steps, chain, 1)).toBeNull();
    expect([0, 1, 2].map((i) => sectionStateOf(i, 1))).toEqual(['done', 'current', 'pending']);
  });

  it('writes the pre-filled figures in Chinese, each with its source', () => {
    const f: AppraisalFigures = {
      period: { from: '2025-11-23', to: '2026-11-22' }, asOf: '2026-11-23',
      onSite: { ruleId: 'on-site.working-days', done: 6, required: 240, forecast: null }, onSiteDaysInPeriod: 6,
      attendance: { on_duty: 5, official_business: 1, absent: 1, rest: 1, leave: 0 },
      leave: { requests: 1, approved: 1, approvedWorkingDays: 2 }, spotChecks: { checks: 1, present: 0, absent: 1, onLeave: 0 },
      activities: { total: 3, onSite: 2, offSite: 1, byKind: { teaching_rounds: 1, surgery_demo: 1, remote_guidance: 1 } },
      tasks: { total: 2, done: 1, inProgress: 1, notStarted: 0, unreported: 0 }, quarterlyReports: { submitted: 1, late: 1 }, apprentices: 1,
    };
    const rows = Object.fromEntries(figureRows(f).map((r) => [r.key, r]));
    expect(rows.onSiteDaysInPeriod!.value).toBe('6 天');
    expect(rows.onSite!.value).toBe('已在岗 6 个工作日；要求不少于 240 个工作日');
    expect(rows.attendance!.value).toBe('在岗 5，因公外出 1，缺勤 1，休息 1');
    expect(rows.leave!.value).toBe('申请 1 次，批准 1 次（2 个工作日）');
    expect(rows.spotChecks!.value).toBe('被抽查 1 次：不在岗 1');
    expect(rows.activities!.value).toContain('3 次（现场 2，远程 1）：教学查房 1，手术示范 1');
    expect(rows.tasks!.value).toBe('2 项：已完成 1，进行中 1');
    expect(rows.quarterlyReports!.value).toBe('已报送 1 份，逾期 1 份');
    expect(figureRows(f).every((r) => r.source.length > 0)).toBe(true);
  });

  it('labels the chain verdict figures in Chinese', () => {
    expect(Object.keys(withFigureLabels({ figures: { periodFrom: 'x', stepsDone: 1, other: 2 } }).figures)).toEqual(['帮扶年度起', '已完成步骤', 'other']);
  });

  it('counts the overview by step and grade', () => {
    const item = (grade: 'excellent' | 'qualified' | 'unqualified' | null) => ({ grade }) as AppraisalOverviewItem;
    type AppraisalOverviewItem = Parameters<typeof overviewSlices>[0]['items'][number];
    const s = overviewSlices({ counts: { none: 2, draft: 1, in_review: 0, filed: 2 }, items: [item('excellent'), item('unqualified'), item(null)] });
    expect(s.gradeCounts).toEqual({ excellent: 1, qualified: 0, unqualified: 1 });
    expect(s.progress.map((p) => p.value)).toEqual([2, 1, 0, 2]);
  });

  it('builds the create body, leaving out what is not filled in', () => {
    expect(toAppraisalCreate({ assignmentId: 'a1', periodFrom: '2025-11-23', comments: '  ' })).toEqual({ assignmentId: 'a1', periodFrom: '2025-11-23' });
    expect(toAppraisalCreate({ assignmentId: 'a1', grade: 'qualified', comments: ' 好 ' })).toEqual({ assignmentId: 'a1', grade: 'qualified', comments: '好' });
  });
});

describe('certificate parts', () => {
  it('normalises a typed number and explains a wrong one', () => {
    expect(normaliseNumber(' cx-zm-2026-0001 ')).toEqual({ number: 'CX-ZM-2026-0001' });
    expect(normaliseNumber('')).toEqual({ error: '请输入证明编号' });
    expect(normaliseNumber('12345')).toEqual({ error: '证书编号格式应如 CX-ZM-2026-0001' });
  });
  it('writes the on-site days as counted at issue', () => {
    expect(onSiteText({ ruleId: 'on-site.working-days', done: 230, required: 240, forecast: null })).toBe('230 个工作日（要求不少于 240）');
    expect(onSiteText({ ruleId: 'on-site.cumulative', done: 90, required: null, forecast: null })).toBe('90 天');
    expect(onSiteText(null)).toBe('无法计算');
  });
});
