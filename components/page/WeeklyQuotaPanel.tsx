import type { Coverage } from '@/lib/quota/count';
import { behindPace, expectedByNowRounded } from '@/lib/quota/pace';
import type { WeekSummary } from '@/lib/quota/summary';
import { behindText, daysLeftText, INCOMPLETE_TEXT, NO_DATA_HINT, paceText, weekLine } from '@/lib/quota/text';

/** The week as the panel gets it: the page's status message may not carry the coverage (then `complete` tells). */
export type PanelWeek = Omit<WeekSummary, 'coverage'> & { coverage?: Coverage };

/**
 * The week's publications on the page the user is looking at (App. 2 §10). While the wall has not
 * been seen back to Monday it shows a lower bound and asks to scroll, never a pace built on it; a week
 * nobody saw on the wall shows no count at all.
 */
export function WeeklyQuotaPanel({ summary, now }: { summary: PanelWeek; now: number }) {
  const noData = !summary.met && summary.coverage === 'none';
  const behind = summary.complete && behindPace(summary, now);
  const pace = paceText(summary);
  return (
    <section class={`quota-week${summary.met ? ' met' : ''}`} data-testid="weekly-quota" aria-label="Публикации за неделю">
      <p class="quota-line">{weekLine(summary)}</p>
      {summary.complete && pace && (
        <p class="quota-pace">
          {pace} · {daysLeftText(summary.daysLeft)}
        </p>
      )}
      {behind && <p class="quota-behind">{behindText(expectedByNowRounded(summary, now))}</p>}
      {!summary.complete && (
        <p class="quota-incomplete" role="status">
          {noData ? NO_DATA_HINT : INCOMPLETE_TEXT}
        </p>
      )}
    </section>
  );
}
