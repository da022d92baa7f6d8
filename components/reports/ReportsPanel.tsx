import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { messageNumber } from '@/lib/messages/summary';
import type { MessageRecord } from '@/lib/messages/types';
import type { ModerationEntry } from '@/lib/moderation/log';
import { formatDateTime, formatPeriod, formatWorkingTime } from '@/lib/reports/format';
import { lateText, missedDeadlines, missedToCsv, missedToHtml, rowLateText, workdayNote } from '@/lib/reports/missed';
import { moderationReport, moderationToCsv } from '@/lib/reports/moderation';
import { PRESET_LABELS, dateInputValue, periodFromDates, presetPeriod, type PeriodPreset } from '@/lib/reports/period';
import { responseTimes } from '@/lib/reports/response';
import { formatUsual, significantAndSurges, surgesToText } from '@/lib/reports/surges';
import type { WorkClock } from '@/lib/worktime/clock';
import { MissedBars, withMissedBars } from './MissedBars';
import { ResponseChart, shareText } from './ResponseChart';
import { SiteLink } from '../SiteLink';

export interface ReportsPanelProps {
  records: readonly MessageRecord[];
  moderation: readonly ModerationEntry[];
  clock: WorkClock;
  now: number;
  /** The file name and the text; the page saves it (lib/download.ts). */
  onCsv(name: string, csv: string): void;
  /** A standalone A4 page: the page opens it and calls print(). */
  onPrint(html: string): void;
  onCopy(text: string): void;
}

const SURGE_OPTIONS = { windowHours: 3, baselineDays: 14 };

/** The curator's reports for a period: §18 deadlines, §19 significance and surges, moderation, response times. */
export function ReportsPanel({ records, moderation, clock, now, onCsv, onPrint, onCopy }: ReportsPanelProps) {
  const zone = clock.zone;
  const initial = presetPeriod('week', now, zone);
  const from = useSignal(dateInputValue(initial.from, zone));
  const to = useSignal(dateInputValue(initial.to - 1, zone));
  const period = periodFromDates(from.value, to.value, zone);

  const setPreset = (p: PeriodPreset) => {
    const range = presetPeriod(p, now, zone);
    from.value = dateInputValue(range.from, zone);
    to.value = dateInputValue(range.to - 1, zone);
  };

  const reports = useMemo(() => {
    if (!period) return null;
    return {
      missed: missedDeadlines(records, clock, period, now),
      surges: significantAndSurges(records, now, { ...SURGE_OPTIONS, period }),
      moderation: moderationReport(moderation, period),
      response: responseTimes(records, clock, period),
    };
  }, [records, moderation, clock, now, period?.from, period?.to]);

  const stamp = from.value === to.value ? from.value : `${from.value}_${to.value}`;

  return (
    <div class="reports" data-testid="reports">
      <div class="filters" role="group" aria-label="Период">
        <label>
          С <input type="date" value={from} onInput={(e) => (from.value = e.currentTarget.value)} />
        </label>
        <label>
          по <input type="date" value={to} onInput={(e) => (to.value = e.currentTarget.value)} />
        </label>
        {(Object.keys(PRESET_LABELS) as PeriodPreset[]).map((p) => (
          <button type="button" key={p} onClick={() => setPreset(p)}>
            {PRESET_LABELS[p]}
          </button>
        ))}
      </div>
      {!period || !reports ? (
        <p class="error" role="alert">
          Укажите даты периода: начало не позже конца.
        </p>
      ) : (
        <>
          <section aria-labelledby="rep-missed">
            <h2 id="rep-missed">Нарушения сроков (п. 18) за {formatPeriod(period, zone)}</h2>
            <div class="actions">
              <button type="button" onClick={() => onCsv(`narusheniya-srokov-${stamp}.csv`, missedToCsv(reports.missed, zone))}>
                CSV
              </button>
              <button type="button" onClick={() => onPrint(withMissedBars(missedToHtml(reports.missed, { period, generatedAt: now, zone }), reports.missed.departments))}>
                Печать (A4)
              </button>
            </div>
            {reports.missed.total === 0 ? (
              <p class="muted">Нарушений сроков за период нет.</p>
            ) : (
              <>
                <MissedBars groups={reports.missed.departments} />
                <table class="report-table" data-testid="missed-totals">
                  <thead>
                    <tr>
                      <th>Ответственный</th>
                      <th>По пунктам</th>
                      <th class="num">Нарушений</th>
                      <th class="num">Просрочка</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reports.missed.departments.map((g) => (
                      <tr key={g.department}>
                        <td>{g.department}</td>
                        <td>{g.byClause.map((c) => `п. ${c.clause} — ${c.count}`).join('; ')}</td>
                        <td class="num">{g.total}</td>
                        <td class="num">{lateText(g.minutesLate, reports.missed)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th>Итого</th>
                      <td>{reports.missed.byClause.map((c) => `п. ${c.clause} — ${c.count}`).join('; ')}</td>
                      <th class="num">{reports.missed.total}</th>
                      <td />
                    </tr>
                  </tfoot>
                </table>
                {reports.missed.departments.map((g) => (
                  <details key={g.department}>
                    <summary>
                      {g.department}: {g.total}
                    </summary>
                    <ul class="report-rows">
                      {g.rows.map((r) => (
                        <li key={`${r.messageId}-${r.deadline}`}>
                          п. {r.clause} «{r.title}»: срок {formatDateTime(r.due, zone)},{' '}
                          {r.doneAt === null ? 'не выполнено' : `выполнено ${formatDateTime(r.doneAt, zone)}`}, просрочка {rowLateText(r, reports.missed, zone)} —{' '}
                          {r.link ? (
                            <SiteLink href={r.link}>{r.author || `№ ${messageNumber(r.messageId)}`}</SiteLink>
                          ) : (
                            r.author || `№ ${messageNumber(r.messageId)}`
                          )}
                          : {r.snippet}
                        </li>
                      ))}
                    </ul>
                  </details>
                ))}
              </>
            )}
            {reports.missed.total > 0 && <p class="muted">Просрочка — в рабочем времени; {workdayNote(reports.missed)}.</p>}
            {reports.missed.skipped.length > 0 && (
              <div class="error" data-testid="missed-skipped">
                Не учтены сообщения, сроки которых не посчитать — проверьте их даты и историю:
                <ul>
                  {reports.missed.skipped.map((s) => (
                    <li key={s.id}>
                      № {messageNumber(s.id)}
                      {s.author && ` (${s.author})`}: {s.error}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>

          <section aria-labelledby="rep-significant">
            <h2 id="rep-significant">Социально значимое и всплески активности (п. 19)</h2>
            <div class="actions">
              <button type="button" onClick={() => onCopy(surgesToText(reports.surges, zone))}>
                Скопировать сводку
              </button>
            </div>
            <h3>Социально значимые сообщения: {reports.surges.significant.length}</h3>
            <ul class="report-rows" data-testid="significant">
              {reports.surges.significant.map((s) => (
                <li key={s.id}>
                  {formatDateTime(s.receivedAt, zone)} {s.author && `${s.author}: `}«{s.snippet}»{s.topic && ` (${s.topic})`}
                </li>
              ))}
            </ul>
            <h3>Всплески за последние {reports.surges.options.windowHours} ч</h3>
            {reports.surges.surges.length === 0 ? (
              <p class="muted">Не выявлены.</p>
            ) : (
              <ul class="report-rows" data-testid="surges">
                {reports.surges.surges.map((s) => (
                  <li key={`${s.kind}:${s.key}`}>
                    {s.kind === 'page' ? 'Страница' : 'Тема'} «{s.label}»: {s.count} за {reports.surges.options.windowHours} ч; обычно {formatUsual(s, reports.surges.options)}
                  </li>
                ))}
              </ul>
            )}
            <p class="muted">{reports.surges.rule}</p>
          </section>

          <section aria-labelledby="rep-moderation">
            <h2 id="rep-moderation">Модерация: удалено комментариев — {reports.moderation.total}</h2>
            {reports.moderation.total > 0 && (
              <>
                <div class="actions">
                  <button type="button" onClick={() => onCsv(`moderaciya-${stamp}.csv`, moderationToCsv(reports.moderation))}>
                    CSV
                  </button>
                </div>
                <div class="report-columns" data-testid="moderation-summary">
                  {(
                    [
                      ['По страницам', reports.moderation.byPage],
                      ['По категориям', reports.moderation.byCategory],
                      ['По пунктам', reports.moderation.byClause],
                    ] as const
                  ).map(([title, rows]) => (
                    <div key={title}>
                      <h3>{title}</h3>
                      <table class="report-table">
                        <tbody>
                          {rows.map((r) => (
                            <tr key={r.key}>
                              <td>{r.label}</td>
                              <td class="num">{r.count}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  ))}
                </div>
              </>
            )}
          </section>

          <section aria-labelledby="rep-response">
            <h2 id="rep-response">Время ответа (рабочее время от поступления до размещения)</h2>
            <table class="report-table" data-testid="response-times">
              <thead>
                <tr>
                  <th>Подразделение</th>
                  <th class="num">Ответов</th>
                  <th class="num">Медиана</th>
                  <th class="num">90 %</th>
                  <th class="num">В срок (п. 6)</th>
                  <th class="num">Без ответа</th>
                </tr>
              </thead>
              <tbody>
                {[...reports.response.departments, reports.response.total].map((r) => (
                  <tr key={r.department}>
                    <td>{r.department}</td>
                    <td class="num">{r.published}</td>
                    <td class="num">{r.median === null ? '—' : formatWorkingTime(r.median, reports.missed.workdayMinutes)}</td>
                    <td class="num">{r.p90 === null ? '—' : formatWorkingTime(r.p90, reports.missed.workdayMinutes)}</td>
                    <td class="num">{shareText(r.onTimeShare)}</td>
                    <td class="num">{r.unanswered}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ResponseChart rows={reports.response.departments} workdayMinutes={reports.missed.workdayMinutes} />
          </section>
        </>
      )}
    </div>
  );
}
