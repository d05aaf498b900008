import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { figureEntries, VerdictList, type VerdictLike } from './verdict-list';

const verdicts: VerdictLike[] = [
  {
    ruleId: 'eligibility.work-years', ruleLabel: '选派条件：学历与工作年限', status: 'unmet',
    figures: { requiredYears: 5, workYears: 3, workStartDate: '2015-07', assignmentStart: '2019-03-01' },
    explanation: '本科学历，参工时间 2015-07，至派驻开始日 2019-03-01，工作满 3 年，要求满 5 年，不符合',
    citation: '楚卫通〔2018〕43号 二（二）',
  },
  { ruleId: 'eligibility.title-mode', ruleLabel: '选派条件：职称与支援方式', status: 'not_applicable', figures: {}, explanation: '未规定职称条件' },
  { ruleId: 'leave.filings', status: 'unknown', figures: { missing: null, workingDays: 2 }, explanation: '信息不足的结论' },
  { ruleId: 'staffing', status: 'met', figures: {}, explanation: '人数达到要求' },
  { ruleId: 'reporting.monthly', status: 'at_risk', figures: {}, explanation: '今日截止' },
];

describe('VerdictList', () => {
  it('shows each verdict with its coloured status, rule name, explanation, figures and citation', () => {
    const { container } = render(<VerdictList verdicts={verdicts} />);
    const cards = container.querySelectorAll('.dk-verdict');
    expect(cards).toHaveLength(5);

    const first = cards[0] as HTMLElement;
    expect(first.dataset.status).toBe('unmet');
    expect(within(first).getByText('不符合').className).toContain('red');
    expect(within(first).getByText('选派条件：学历与工作年限')).toBeTruthy();
    expect(within(first).getByText(/要求满 5 年，不符合/)).toBeTruthy();
    expect(first.textContent).toContain('要求年限：5');
    expect(first.textContent).toContain('工作年限：3');
    expect(first.textContent).toContain('依据：楚卫通〔2018〕43号 二（二）');

    const colours = [...cards].map((c) => c.querySelector('.ant-tag')!.className);
    expect(colours[1]).not.toMatch(/green|red|orange|blue/);
    expect(colours[2]).toContain('blue');
    expect(colours[3]).toContain('green');
    expect(colours[4]).toContain('orange');
    expect([...cards].map((c) => c.querySelector('.ant-tag')!.textContent)).toEqual(['不符合', '不适用', '信息不足', '符合', '有风险']);
  });

  it('falls back to the rule id, leaves out empty figures and shows no citation line when there is none', () => {
    const { container } = render(<VerdictList verdicts={[verdicts[2]!]} />);
    expect(screen.getByText('leave.filings')).toBeTruthy();
    expect(container.textContent).toContain('工作日：2');
    expect(container.textContent).not.toContain('尚缺');
    expect(container.textContent).not.toContain('依据');
  });

  it('sums up the statuses, most pressing first', () => {
    const { getByLabelText } = render(<VerdictList verdicts={verdicts} />);
    expect(getByLabelText('结论汇总').textContent).toBe('不符合1 项有风险1 项信息不足1 项符合1 项不适用1 项');
  });

  it('says so when there is nothing to show', () => {
    render(<VerdictList verdicts={[]} empty="该版本没有选派条件" />);
    expect(screen.getByText('该版本没有选派条件')).toBeTruthy();
  });
});

describe('figureEntries', () => {
  it('labels known figures, keeps unknown keys and drops empty values', () => {
    expect(figureEntries({ requiredYears: 5, somethingNew: 'x', missing: null, blank: '', flag: true })).toEqual([
      { key: 'requiredYears', label: '要求年限', value: '5' },
      { key: 'somethingNew', label: 'somethingNew', value: 'x' },
      { key: 'flag', label: 'flag', value: '是' },
    ]);
  });
});
