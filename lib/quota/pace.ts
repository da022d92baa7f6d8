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
 * The steady pace by `now` in whole publications, as the user reads it («нужно было бы ~3»):
 * rounded to the nearest, so Thursday noon on a department page (2.5) asks for 3.
 */
export function expectedByNowRounded(summary: Pick<WeekSummary, 'weekStart' | 'weekEnd' | 'target'>, now: number): number {
  // An exact half that floating-point week arithmetic left at 2.4999999 still rounds up, like 2.5.
  return Math.round(expectedByNow(summary, now) + 1e-9);
}

/**
 * Behind a steady pace from Monday 00:00 to the target at Sunday 24:00 — on Thursday at noon, half
 * of the target. Compared in the whole numbers the user is shown: a count equal to the rounded pace
 * is not behind. A met target is never behind.
 */
export function behindPace(summary: Pick<WeekSummary, 'weekStart' | 'weekEnd' | 'target' | 'count' | 'met'>, now: number): boolean {
  if (summary.met) return false;
  return summary.count < expectedByNowRounded(summary, now);
}
