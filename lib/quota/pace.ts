/** The pace of a week against its target: pure arithmetic, light enough for the in-page panel. */
import type { WeekSummary } from './summary';

/** The share of the week gone by at `now`, 0…1. */
export function weekElapsed(summary: Pick<WeekSummary, 'weekStart' | 'weekEnd'>, now: number): number {
  const span = summary.weekEnd - summary.weekStart;
  return Math.min(1, Math.max(0, (now - summary.weekStart) / span));
}

/** Publications a steady pace would have reached by `now`. */
export function expectedByNow(summary: Pick<WeekSummary, 'weekStart' | 'weekEnd' | 'target'>, now: number): number {
  return summary.target * weekElapsed(summary, now);
}

/**
 * Behind a steady pace from Monday 00:00 to the target at Sunday 24:00 — on Thursday at noon, half
 * of the target. A met target is never behind.
 */
export function behindPace(summary: WeekSummary, now: number): boolean {
  if (summary.met) return false;
  return summary.count < expectedByNow(summary, now);
}
