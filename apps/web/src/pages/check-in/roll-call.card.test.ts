import { describe, expect, it } from 'vitest';
import { timeLeft } from './roll-call.card';

describe('roll call countdown', () => {
  const deadline = '2026-11-23T12:30:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('shows minutes and seconds left, hours when more than one', () => {
    expect(timeLeft(deadline, at('2026-11-23T12:00:00.000Z'))).toBe('30:00');
    expect(timeLeft(deadline, at('2026-11-23T12:29:58.500Z'))).toBe('00:01');
    expect(timeLeft(deadline, at('2026-11-23T10:27:57.000Z'))).toBe('2:02:03');
  });

  it('is null once the deadline has passed', () => {
    expect(timeLeft(deadline, at('2026-11-23T12:30:00.000Z'))).toBeNull();
    expect(timeLeft(deadline, at('2026-11-23T13:00:00.000Z'))).toBeNull();
  });
});
