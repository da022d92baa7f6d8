import { describe, expect, it } from 'vitest';
import { daysBetween, overdueCount, protectionStatus } from '@/lib/registry/protection';
import { entry } from './helpers';

describe('protection checklist', () => {
  const today = '2026-11-28';

  it.each([
    ['confirmed today', '2026-11-28', 'ok', 0],
    ['90 days ago', '2026-08-30', 'ok', 90],
    ['91 days ago', '2026-08-29', 'overdue', 91],
    ['a year ago', '2025-11-28', 'overdue', 365],
    ['never', null, 'missing', null],
    ['dated after today', '2026-12-01', 'missing', -3],
  ])('two-factor %s → %s', (_, date, state, days) => {
    const s = protectionStatus(entry({ twoFactorConfirmedAt: date }), today);
    expect(s.twoFactor).toEqual({ state, date: state === 'missing' && date === null ? null : date, daysSince: days });
  });

  it('counts days across a leap day and a year end', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });

  it('takes another limit', () => {
    expect(protectionStatus(entry({ adminsReviewedAt: '2026-10-28' }), today, 30).admins.state).toBe('overdue');
    expect(protectionStatus(entry({ adminsReviewedAt: '2026-10-29' }), today, 30).admins.state).toBe('ok');
  });

  it('counts overdue and missing items over the registry for the badge', () => {
    const entries = [
      entry({ id: '1' }),
      entry({ id: '2', twoFactorConfirmedAt: '2026-01-01' }),
      entry({ id: '3', twoFactorConfirmedAt: null, adminsReviewedAt: '2020-01-01' }),
    ];
    expect(protectionStatus(entries[2], today).problems).toBe(2);
    expect(overdueCount(entries, today)).toBe(3);
    expect(overdueCount([], today)).toBe(0);
  });
});
