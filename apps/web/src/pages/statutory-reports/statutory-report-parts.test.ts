import { describe, expect, it } from 'vitest';
import { deadlineText, figureColumns, lateText, stepsOf, totalCell } from './statutory-report-parts';

describe('statutory report parts', () => {
  it('says when a due date was moved past a holiday', () => {
    expect(deadlineText({ due: '2026-10-08', nominal: '2026-10-05', postponed: true })).toBe('2026-10-08（原定 2026-10-05，节假日顺延）');
    expect(deadlineText({ due: '2026-11-05', nominal: '2026-11-05', postponed: false })).toBe('2026-11-05');
  });

  it('words lateness only once submitted', () => {
    expect(lateText({ late: null, daysLate: null })).toBeNull();
    expect(lateText({ late: true, daysLate: 18 })).toBe('逾期 18 天报送');
    expect(lateText({ late: false, daysLate: 0 })).toBe('按时报送');
  });

  it('places each status on the steps 生成 → 报送 → 接收', () => {
    expect(stepsOf('draft')).toEqual({ current: 1, status: 'process' });
    expect(stepsOf('sent_back')).toEqual({ current: 1, status: 'error' });
    expect(stepsOf('submitted')).toEqual({ current: 2, status: 'process' });
    expect(stepsOf('accepted')).toEqual({ current: 2, status: 'finish' });
  });

  it('uses the export headings and totals the numeric columns', () => {
    expect(figureColumns('monthly').map((c) => c.title)).toEqual([
      '受援单位', '所在县（市、区）', '在岗人数', '在岗人员', '在岗天数', '请假天数', '缺勤天数', '抽查人次', '抽查在岗', '抽查缺岗', '抽查请假', '带教指导次数',
    ]);
    expect(figureColumns('quarterly').map((c) => c.title)).toContain('年度协议签订日期');
    expect(totalCell('quarterly', 'agreementSignedOn', { agreementsSigned: 2 })).toBe('已签 2');
    expect(totalCell('monthly', 'onSiteDays', { onSiteDays: 21 })).toBe(21);
    expect(totalCell('monthly', 'recipientName', { onSiteDays: 21 })).toBe('');
  });
});
