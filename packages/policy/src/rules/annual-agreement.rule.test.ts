import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import { evaluateAnnualAgreement, type AnnualAgreementFact } from './annual-agreement.rule.js';

const signed: AnnualAgreementFact = { id: 'ag-1', supportSignedOn: '2019-02-20', recipientSignedOn: '2019-02-21', filedOn: '2019-03-01' };
const run = (agreement: AnnualAgreementFact | null, today = '2019-06-01', policy = CX_2018_POLICY) =>
  evaluateAnnualAgreement({ policy, today, year: 2019, pairingId: 'pr-1', supportUnitId: 'su-1', agreement });

describe('annual agreement signed by both and filed (CX 三（五）, MY 五)', () => {
  it.each([
    ['none yet, year under way', null, '2019-06-01', CX_2018_POLICY, 'at_risk', '尚未起草'],
    ['none, year ended', null, '2020-01-02', CX_2018_POLICY, 'unmet', '该年度已结束'],
    ['recipient has not signed', { ...signed, recipientSignedOn: null, filedOn: null }, '2019-06-01', CX_2018_POLICY, 'at_risk', '尚待受援医院签订'],
    ['neither signed', { ...signed, supportSignedOn: null, recipientSignedOn: null, filedOn: null }, '2019-06-01', CX_2018_POLICY, 'at_risk', '尚待支援医院、受援医院签订'],
    ['signed, not filed with the prefecture', { ...signed, filedOn: null }, '2020-01-02', CX_2018_POLICY, 'unmet', '尚未一式 2 份报州（市）卫生健康委备案'],
    ['signed and filed', signed, '2019-06-01', CX_2018_POLICY, 'met', '2019-03-01 已备案'],
    ['MY: signed, no filing required', { ...signed, filedOn: null }, '2019-06-01', MY_2018_POLICY, 'met', '双方已签订'],
    ['year not started', null, '2018-12-31', CX_2018_POLICY, 'not_applicable', '尚未开始'],
  ] as const)('%s: %s', (_what, agreement, today, policy, status, words) => {
    const v = run(agreement, today, policy);
    expect(v).toMatchObject({ ruleId: 'annual-agreement', status });
    expect(v.explanation).toContain(words);
    expect(v.evidence.slice(0, 2)).toEqual(['pr-1', 'su-1']);
  });

  it('cites the clause and gives the dates as figures', () => {
    expect(run(signed)).toMatchObject({
      citation: '楚卫通〔2018〕43号 三（五）', evidence: ['pr-1', 'su-1', 'ag-1'],
      figures: { year: 2019, supportSignedOn: '2019-02-20', recipientSignedOn: '2019-02-21', filedOn: '2019-03-01', copiesRequired: 2 },
    });
  });

  it('a policy without the rule answers not_applicable', () => {
    const policy = { ...CX_2018_POLICY, parameters: { ...CX_2018_POLICY.parameters, annualAgreement: null } };
    expect(run(null, '2020-01-02', policy).status).toBe('not_applicable');
  });
});
