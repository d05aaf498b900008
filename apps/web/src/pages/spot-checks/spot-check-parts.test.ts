import { describe, expect, it } from 'vitest';
import type { AssignmentProgress, ShownVerdict, SpotCheck } from '@duikou/contracts';
import { atRiskBars } from '../progress/at-risk-chart';
import { headlineExplanation, unitOf } from '../progress/progress-parts';
import { documentTypeOf } from './sanction-create.modal';
import { checkStateOf, countsText, formatBytes, headlinesOf, sampleLabel, sanctionFormLink, withFigureLabels } from './spot-check-parts';
import { formFieldOf, toSpotCheckCreate } from './spot-check-start.modal';

const counts = (c: Partial<SpotCheck['counts']> = {}): SpotCheck['counts'] => ({ total: 2, pending: 0, present: 2, absent: 0, onLeave: 0, unreviewed: 0, ...c });
const verdict = (ruleId: string, status: ShownVerdict['status'], figures: Record<string, unknown> = {}, explanation = ''): ShownVerdict => ({
  ruleId, ruleLabel: ruleId, status, figures, explanation, evidence: ['person-1', 'check-1', 'check-2'], citation: '楚卫通〔2018〕43号',
});

describe('spot-check parts', () => {
  it('says where a check stands: an open roll call, results to record, timeouts to review, or done', () => {
    expect(checkStateOf({ open: true, counts: counts({ pending: 2 }) })).toBe('open');
    expect(checkStateOf({ open: false, counts: counts({ pending: 1 }) })).toBe('pending');
    expect(checkStateOf({ open: false, counts: counts({ absent: 1, unreviewed: 1 }) })).toBe('review');
    expect(checkStateOf({ open: false, counts: counts() })).toBe('done');
  });

  it('writes the sample and the counts in Chinese, leaving out zeros', () => {
    expect(sampleLabel({ sampleKind: 'random', sampleSize: 3, counts: counts() })).toBe('随机抽取 3 人');
    expect(sampleLabel({ sampleKind: 'picked', sampleSize: null, counts: counts({ total: 1 }) })).toBe('指定 1 人');
    expect(countsText(counts({ present: 1, absent: 1 }))).toBe('在岗 1 · 不在岗 1');
    expect(countsText(counts({ total: 0, present: 0 }))).toBe('无结果');
  });

  it('names the consequences due: replacement, promotion bar and criticism, notice; risks as warnings', () => {
    const due = headlinesOf({ verdicts: [
      verdict('spot-checks.replacement', 'unmet'), verdict('spot-checks.promotion-bar', 'unmet'), verdict('spot-checks.notice', 'unmet'),
    ] });
    expect(due.map((h) => h.label)).toEqual(['应另派接替', '不得申报高一级职称、通报批评派驻医院', '应通报、约谈']);
    const risk = headlinesOf({ verdicts: [verdict('spot-checks.replacement', 'at_risk'), verdict('spot-checks.promotion-bar', 'met'), verdict('spot-checks.notice', 'met')] });
    expect(risk).toEqual([{ ruleId: 'spot-checks.replacement', label: '再有 1 次不在岗须另派接替', color: 'orange' }]);
  });

  it('labels the spot-check figures the shared table does not know', () => {
    const v = withFigureLabels(verdict('spot-checks.promotion-bar', 'unmet', { checks: 2, longestConsecutiveAbsences: 2, since: '2026-11-23' }));
    expect(Object.keys(v.figures)).toEqual(['checks', '最多连续不在岗', '达到日期']);
    expect(v.evidence).toEqual(['person-1', 'check-1', 'check-2']);
  });

  it('links to the sanctions form filled in', () => {
    const url = new URL(sanctionFormLink({ kind: 'interview', orgIds: ['o1'], personIds: ['p1', 'p2'], spotCheckId: 'c1', summary: '约谈' }), 'http://x');
    expect(url.pathname).toBe('/sanctions');
    expect(Object.fromEntries(url.searchParams)).toEqual({ new: 'interview', orgIds: 'o1', personIds: 'p1,p2', check: 'c1', summary: '约谈' });
  });

  it('accepts PDF, Word, JPG and PNG documents up to 2 MB', () => {
    expect(documentTypeOf({ name: '通报.PDF', type: '', size: 10 })).toEqual({ type: 'application/pdf' });
    expect(documentTypeOf({ name: 'a.docx', type: '', size: 10 })).toEqual({ type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(documentTypeOf({ name: 'a.exe', type: 'application/x-msdownload', size: 10 })).toEqual({ error: '文件须为 PDF、Word、JPG 或 PNG' });
    expect(documentTypeOf({ name: 'a.png', type: 'image/png', size: 3 * 1024 * 1024 })).toEqual({ error: '文件不能超过 2 MB' });
    expect(formatBytes(300)).toBe('300 字节');
    expect(formatBytes(2048)).toBe('2 KB');
  });
});

describe('start form', () => {
  it('puts the API sample fields on the form fields', () => {
    expect(formFieldOf('sample.assignmentIds.1')).toBe('assignmentIds');
    expect(formFieldOf('sample.size')).toBe('size');
    expect(formFieldOf('rollCallMinutes')).toBe('rollCallMinutes');
    expect(formFieldOf(undefined)).toBeUndefined();
  });

  it('sends a random draw with its seed and filters, or the persons picked; minutes only for a roll call', () => {
    const dayjsLike = { format: () => '2026-11-20' } as never;
    expect(toSpotCheckCreate({ date: dayjsLike, method: 'phone', rollCallMinutes: 30, kind: 'random', size: 3, seed: ' wuding ', supportOrgId: 's1' })).toEqual({
      method: 'phone', date: '2026-11-20', sample: { kind: 'random', size: 3, seed: 'wuding', supportOrgId: 's1' },
    });
    expect(toSpotCheckCreate({ date: dayjsLike, method: 'roll_call', rollCallMinutes: 15, kind: 'picked', assignmentIds: ['a1'], size: 3 })).toEqual({
      method: 'roll_call', date: '2026-11-20', rollCallMinutes: 15, sample: { kind: 'picked', assignmentIds: ['a1'] },
    });
  });
});

describe('progress parts', () => {
  const progress = (over: Partial<AssignmentProgress>): AssignmentProgress => ({
    assignmentId: 'a1', personId: 'p1', personName: '王医生', supportOrgId: 's1', supportOrgName: '云南省第一人民医院', recipientOrgId: 'r1',
    recipientOrgName: '武定县人民医院', programmeName: 'CX', policyCode: 'CX', mode: 'resident', assignmentStatus: 'on_duty',
    term: { start: '2026-07-01', end: '2026-12-31' }, asOf: '2026-11-23', attendance: {}, status: 'at_risk',
    figures: { ruleId: 'on-site.working-days', done: 60, required: 120, forecast: 90 },
    verdicts: [verdict('on-site.working-days', 'at_risk', {}, '已在岗 60 个工作日，要求 120 个工作日；按当前进度预计期满时 90 个工作日，可能不达标')],
    ...over,
  });

  it('reads the unit and the explanation from the headline verdict', () => {
    const p = progress({});
    expect(unitOf(p)).toBe('个工作日');
    expect(headlineExplanation(p)).toContain('可能不达标');
    expect(unitOf(progress({ figures: { ruleId: 'on-site.cumulative', done: 30, required: 90, forecast: 60 }, verdicts: [verdict('on-site.cumulative', 'at_risk', {}, '累计驻点 30 天')] }))).toBe('天');
  });

  it('charts done and forecast as a share of each requirement, leaving out those without figures', () => {
    expect(atRiskBars([progress({}), progress({ assignmentId: 'a2', figures: null })])).toEqual([
      { name: '王医生（武定县人民医院）', done: 60, forecast: 90, required: 120, unit: '个工作日' },
    ]);
  });
});
