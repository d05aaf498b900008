import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import type { Party } from '../vocabulary.js';
import { appraisalChainOf, evaluateAppraisalChain } from './appraisal-chain.rule.js';

const chain = appraisalChainOf(CX_2018_POLICY)!;
const period = { from: '2018-06-07', to: '2019-06-06' };
const run = (stage: number | null, today: string, policy = CX_2018_POLICY) => evaluateAppraisalChain({
  policy, today, assignmentId: 'a-1', period,
  appraisal: stage === null ? null : { id: 'ap-1', chain: chain as Party[], stage, completedOn: stage === chain.length ? '2019-07-20' : null },
});

describe('year-end appraisal chain (CX 二（三）)', () => {
  it('runs recipient → county → prefecture → province', () => {
    expect(chain).toEqual(['recipient_unit', 'county_office', 'prefecture_office', 'provincial_office']);
    expect(appraisalChainOf(MY_2018_POLICY)).toBeNull();
  });

  it.each([
    [null, '2019-05-01', 'not_applicable', 'recipient_unit', '尚未开始，等待受援单位作出鉴定'],
    [null, '2019-06-10', 'at_risk', 'recipient_unit', '帮扶年度已于 2019-06-06 结束'],
    [1, '2019-06-10', 'at_risk', 'county_office', '已完成 1/4 步，等待县市区卫生健康局'],
    [3, '2019-06-10', 'at_risk', 'provincial_office', '等待省卫生健康委'],
    [4, '2019-08-01', 'met', null, '已完成（2019-07-20）'],
  ] as const)('stage %s on %s: %s, awaiting %s', (stage, today, status, next, words) => {
    const { next: awaited, verdict } = run(stage, today);
    expect(awaited).toBe(next);
    expect(verdict).toMatchObject({ ruleId: 'appraisal.chain', status, citation: '楚卫通〔2018〕43号 二（三）' });
    expect(verdict.explanation).toContain(words);
  });

  it('MY has no appraisal chain', () => {
    expect(run(null, '2019-08-01', MY_2018_POLICY)).toEqual({ next: null, verdict: expect.objectContaining({ status: 'not_applicable' }) });
  });
});
