import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { fieldsToBody, termEnd } from './assignment-form';
import { dispatchBody } from './assignment-dispatch.page';

describe('termEnd (一年 / 半年)', () => {
  it('ends the day before the same date a year or half a year later', () => {
    expect(termEnd(dayjs('2019-03-01'), 12).format('YYYY-MM-DD')).toBe('2020-02-29');
    expect(termEnd(dayjs('2019-03-01'), 6).format('YYYY-MM-DD')).toBe('2019-08-31');
    expect(termEnd(dayjs('2018-01-01'), 12).format('YYYY-MM-DD')).toBe('2018-12-31');
    expect(termEnd(dayjs('2019-08-31'), 6).format('YYYY-MM-DD')).toBe('2020-02-28');
  });
});

describe('fieldsToBody', () => {
  it('trims texts, formats dates and leaves out what is empty', () => {
    expect(fieldsToBody({
      department: ' 儿科 ', plannedStart: dayjs('2019-03-01'), plannedEnd: dayjs('2020-02-29'), batch: '  ', role: 'leader', post: undefined,
      insurer: '中国人寿', insuranceFrom: null, safetyEducationDate: dayjs('2019-02-20'),
    })).toEqual({
      department: '儿科', plannedStart: '2019-03-01', plannedEnd: '2020-02-29', role: 'leader', post: null, insurer: '中国人寿', safetyEducationDate: '2019-02-20',
    });
  });

  it("clears emptied texts with '' when editing", () => {
    expect(fieldsToBody({ batch: '', insurer: undefined }, { clearEmptyTexts: true })).toMatchObject({ batch: '', insurer: '', insurancePolicyNo: '' });
  });
});

describe('dispatchBody', () => {
  it('adds pairing, person, mode and the override reason only when given', () => {
    const v = { pairingId: 'p', personId: 'x', mode: 'resident' as const, department: '儿科', plannedStart: dayjs('2019-03-01'), plannedEnd: dayjs('2019-08-31'), role: 'member' as const };
    expect(dispatchBody(v)).toEqual({ pairingId: 'p', personId: 'x', mode: 'resident', department: '儿科', plannedStart: '2019-03-01', plannedEnd: '2019-08-31', role: 'member', post: null });
    expect(dispatchBody(v, '紧缺')).toMatchObject({ overrideReason: '紧缺' });
  });
});
