import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ShownVerdict } from '@duikou/contracts';
import { ApiError } from '../../api/http-client';
import { enrichRefusal, refusalOf, RuleRefusalPanel } from './rule-refusal';

const sentence = '本科学历，参工时间 2016-07-01，至派驻开始日 2019-03-01，工作满 2 年，要求满 5 年，不符合';
const refusedWithCitation = new ApiError(422, {
  code: 'RULE_VIOLATION',
  message: `不符合选派条件：${sentence}`,
  field: 'personId',
  details: [{ field: 'personId', message: sentence, ruleId: 'eligibility.work-years', citation: '楚卫通〔2018〕43号 二（二）' } as never],
});
const refusedBare = new ApiError(422, { code: 'RULE_VIOLATION', message: `不符合选派条件：${sentence}`, field: 'personId', details: [{ field: 'personId', message: sentence }] });

describe('refusalOf', () => {
  it('reads a RULE_VIOLATION into one unmet verdict per detail, keeping rule id and citation', () => {
    const r = refusalOf(refusedWithCitation)!;
    expect(r.verdicts).toEqual([
      { ruleId: 'eligibility.work-years', ruleLabel: '选派条件', status: 'unmet', figures: {}, explanation: sentence, citation: '楚卫通〔2018〕43号 二（二）' },
    ]);
  });

  it('is null for other errors (a 409 overlap, a 400 field error, a 403)', () => {
    expect(refusalOf(new ApiError(409, { code: 'CONFLICT', message: '时间重叠', field: 'plannedStart' }))).toBeNull();
    expect(refusalOf(new ApiError(400, { code: 'VALIDATION_FAILED', message: '不能为空', field: 'department' }))).toBeNull();
    expect(refusalOf(new ApiError(403, { code: 'FORBIDDEN', message: '只有卫生健康行政部门可以破例派出', field: 'overrideReason' }))).toBeNull();
    expect(refusalOf(new Error('x'))).toBeNull();
  });

  it('falls back to the message when the details are missing', () => {
    const r = refusalOf(new ApiError(422, { code: 'RULE_VIOLATION', message: '不符合选派条件：职称不够' }))!;
    expect(r.verdicts.map((v) => v.explanation)).toEqual(['不符合选派条件：职称不够']);
  });
});

describe('enrichRefusal', () => {
  it("takes rule name, figures and citation from the engine's verdict with the same sentence", () => {
    const engine: ShownVerdict[] = [
      { ruleId: 'eligibility.work-years', ruleLabel: '选派条件：学历与工作年限', status: 'unmet', figures: { requiredYears: 5, workYears: 2 }, explanation: sentence, evidence: [], citation: '楚卫通〔2018〕43号 二（二）' },
      { ruleId: 'eligibility.title-mode', ruleLabel: '选派条件：职称与支援方式', status: 'met', figures: {}, explanation: '符合', evidence: [] },
    ];
    const r = enrichRefusal(refusalOf(refusedBare)!, engine);
    expect(r.verdicts).toHaveLength(1);
    expect(r.verdicts[0]).toMatchObject({ ruleLabel: '选派条件：学历与工作年限', citation: '楚卫通〔2018〕43号 二（二）', figures: { requiredYears: 5 } });
  });

  it('leaves a sentence the engine does not know as it is', () => {
    const r = enrichRefusal(refusalOf(refusedBare)!, []);
    expect(r.verdicts[0]).toMatchObject({ ruleLabel: '选派条件', explanation: sentence });
  });
});

describe('RuleRefusalPanel', { timeout: 20_000 }, () => {
  it('shows each broken rule with its explanation and citation', () => {
    render(<RuleRefusalPanel refusal={refusalOf(refusedWithCitation)!} canOverride={false} onOverride={() => {}} />);
    const panel = screen.getByRole('alert', { name: '不符合选派条件' });
    expect(within(panel).getByText('不符合选派条件，不能派出')).toBeTruthy();
    expect(within(panel).getByText(sentence)).toBeTruthy();
    expect(panel.textContent).toContain('依据：楚卫通〔2018〕43号 二（二）');
  });

  it('without assignment:override offers no override, only what to do instead', () => {
    render(<RuleRefusalPanel refusal={refusalOf(refusedBare)!} canOverride={false} onOverride={() => {}} />);
    expect(screen.queryByLabelText(/破例派出理由/)).toBeNull();
    expect(screen.queryByRole('button', { name: /破例派出/ })).toBeNull();
    expect(screen.getByText(/须由卫生健康行政部门说明理由后破例派出/)).toBeTruthy();
  });

  it('with assignment:override asks for a reason before sending anyway', () => {
    const onOverride = vi.fn();
    render(<RuleRefusalPanel refusal={refusalOf(refusedBare)!} canOverride onOverride={onOverride} />);
    const button = screen.getByRole('button', { name: /破例派出/ });
    fireEvent.click(button);
    expect(onOverride).not.toHaveBeenCalled();
    expect(screen.getByText('请填写破例派出理由')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/破例派出理由/), { target: { value: '  儿科人才紧缺，经州卫健委同意  ' } });
    fireEvent.click(button);
    expect(onOverride).toHaveBeenCalledWith('儿科人才紧缺，经州卫健委同意');
  });

  it("shows the server's answer to the override (403 on overrideReason) under the reason", () => {
    render(<RuleRefusalPanel refusal={refusalOf(refusedBare)!} canOverride onOverride={() => {}} overrideError="只有卫生健康行政部门可以破例派出不符合选派条件的人员" />);
    expect(screen.getByText('只有卫生健康行政部门可以破例派出不符合选派条件的人员')).toBeTruthy();
  });

  it('words a replacement as 接替', () => {
    render(<RuleRefusalPanel refusal={refusalOf(refusedBare)!} canOverride what="接替" onOverride={() => {}} />);
    expect(screen.getByText('不符合选派条件，不能接替')).toBeTruthy();
    expect(screen.getByRole('button', { name: /破例接替/ })).toBeTruthy();
  });
});
