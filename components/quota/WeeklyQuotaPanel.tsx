import { behindPace, expectedByNow } from '@/lib/quota/pace';
import type { WeekSummary } from '@/lib/quota/summary';
import { daysLeftText, INCOMPLETE_TEXT, paceText, weekLine } from '@/lib/quota/text';

/**
 * The week's publications on the page the user is looking at (App. 2 §10). While the wall has not
 * been seen back to Monday it shows a lower bound and asks to scroll, never a pace built on it.
 */
export function WeeklyQuotaPanel({ summary, now }: { summary: WeekSummary; now: number }) {
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
      {behind && (
        <p class="quota-behind">Отставание от графика: к этому времени нужно было бы ~{Math.floor(expectedByNow(summary, now))}</p>
      )}
      {!summary.complete && (
        <p class="quota-incomplete" role="status">
          {INCOMPLETE_TEXT}
        </p>
      )}
    </section>
  );
}
