import { describe, expect, it } from 'vitest';
import { createWorkClock } from '../../../lib/worktime';
import { seeded } from '../../random';

const clock = createWorkClock();
const FROM = Date.parse('2020-01-01T00:00+06:00');
const TO = Date.parse('2027-12-01T00:00+06:00');
const CASES = 400;

/** Instants anywhere in 2020–2027, on whole minutes so sums compare exactly. */
function instants(seed: number) {
  const rnd = seeded(seed);
  return {
    rnd,
    instant: () => FROM + rnd.int(0, Math.floor((TO - FROM) / 60_000)) * 60_000,
    minutes: () => rnd.pick([0, 1, 30, 45, 120, 240, 300, 540, rnd.int(1, 5000)]),
  };
}

/** An instant a deadline may fall on: working time, or the very end of a working interval. */
function isDeadlineInstant(t: number): boolean {
  return clock.isWorkingTime(t) || (clock.isWorkingTime(t - 1) && !clock.isWorkingTime(t));
}

describe('working-time arithmetic, properties over 2020–2027 (seeded)', () => {
  it('is monotonic in the start and in the amount', () => {
    const { instant, minutes } = instants(1);
    for (let i = 0; i < CASES; i++) {
      const [a, b] = [instant(), instant()].sort((x, y) => x - y) as [number, number];
      const n = minutes();
      const m = n + minutes();
      expect(clock.addWorkingMinutes(a, n)).toBeLessThanOrEqual(clock.addWorkingMinutes(b, n));
      expect(clock.addWorkingMinutes(a, n)).toBeLessThanOrEqual(clock.addWorkingMinutes(a, m));
    }
  });

  it('is additive from a working instant: (t + a) + b = t + (a + b)', () => {
    const { instant, minutes } = instants(2);
    for (let i = 0; i < CASES; i++) {
      const t = clock.nextWorkingInstant(instant());
      const a = Math.max(1, minutes());
      const b = Math.max(1, minutes());
      expect(clock.addWorkingMinutes(clock.addWorkingMinutes(t, a), b)).toBe(clock.addWorkingMinutes(t, a + b));
    }
  });

  it('counts back exactly what it added', () => {
    const { instant, minutes } = instants(3);
    for (let i = 0; i < CASES; i++) {
      const t = instant();
      const n = minutes();
      expect(clock.workingMinutesBetween(t, clock.addWorkingMinutes(t, n))).toBe(n);
    }
  });

  it('never puts a deadline outside working time, except at the end of an interval', () => {
    const { instant, minutes, rnd } = instants(4);
    for (let i = 0; i < CASES; i++) {
      const t = instant();
      expect(isDeadlineInstant(clock.addWorkingMinutes(t, Math.max(1, minutes())))).toBe(true);
      const closing = clock.addWorkingDays(t, rnd.int(1, 7));
      expect(clock.isWorkingTime(closing)).toBe(false);
      expect(clock.isWorkingTime(closing - 1)).toBe(true);
    }
  });

  it('the next working instant is working time and nothing between is', () => {
    const { instant } = instants(5);
    for (let i = 0; i < CASES; i++) {
      const t = instant();
      const next = clock.nextWorkingInstant(t);
      expect(clock.isWorkingTime(next)).toBe(true);
      expect(clock.workingMinutesBetween(t, next)).toBe(0);
    }
  });
});
