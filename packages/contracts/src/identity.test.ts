import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone, normaliseMobile, parseIdNumber } from './identity.js';

describe('citizen ID numbers (GB 11643)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'],
    ['53232919800301002X', '1980-03-01', 'female'],
    ['510727198506150036', '1985-06-15', 'male'],
  ])('accepts %s with its birth date and gender', (id, birth, gender) => {
    const r = parseIdNumber(id);
    if (!r.ok) throw new Error(r.reason);
    expect(r.facts).toMatchObject({ birthDate: birth, gender });
  });

  it.each([
    ['110105194912310021', '校验位'],
    ['11010519491231002Y', '18 位'],
    ['1101051949123100', '18 位'],
    ['110105194902300027', '出生日期'],
    ['440524188001010014', '出生日期'],
    ['510727198506150039', '校验位'],
  ])('refuses %s (%s)', (id, reason) => {
    const r = parseIdNumber(id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('masks all but the first 3 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
});

describe('mainland mobile numbers', () => {
  it.each([['13812345678', '13812345678'], ['+86 138-1234-5678', '13812345678'], ['8619912345678', '19912345678']])('accepts %s', (raw, norm) => {
    expect(normaliseMobile(raw)).toBe(norm);
  });
  it.each(['12812345678', '1381234567', '138123456789', '0871-1234567'])('refuses %s', (raw) => {
    expect(normaliseMobile(raw)).toBeNull();
  });
  it('masks the middle four digits', () => expect(maskPhone('13812345678')).toBe('138****5678'));
});
