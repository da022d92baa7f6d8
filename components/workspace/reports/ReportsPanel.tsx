import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { MessageReports } from '@/lib/db/reports';
import { messageNumber } from '@/lib/messages/summary';
import type { MessageRecord } from '@/lib/messages/types';
import type { ModerationEntry } from '@/lib/moderation/log';
import { formatDateTime, formatPeriod, formatWorkingTime, workdayMinutes, type Period } from '@/lib/reports/format';
import { lateText, missedDeadlines, missedToCsv, missedToHtml, rowLateText, workdayNote, type MissedReport } from '@/lib/reports/missed';
import { moderationReport, moderationToCsv, type ModerationReport } from '@/lib/reports/moderation';
import { PRESET_LABELS, dateInputValue, periodFromDates, presetPeriod, type PeriodPreset } from '@/lib/reports/period';
import { responseTimes } from '@/lib/reports/response';
import { formatUsual, significantAndSurges, surgesToText } from '@/lib/reports/surges';
import type { WorkClock } from '@/lib/worktime/clock';
import { MissedBars, withMissedBars } from './MissedBars';
import { ResponseChart, shareText } from './ResponseChart';
import { SiteLink } from '../SiteLink';

/**
 * Where the reports come from when the data is too large to hold: the database read a page at a time
 * (lib/db/reports.ts). `signal` aborts a count whose period is no longer asked for.
 */
export interface ReportsSource {
  messages(period: Period, now: number, signal: AbortSignal): Promise<MessageReports>;
  moderation(period: Period, signal: AbortSignal): Promise<ModerationReport>;
}

export interface ReportsPanelProps {
  /** The data itself (small sets, tests); or else `source`. */
  records?: readonly MessageRecord[];
  moderation?: readonly ModerationEntry[];
  /** Counted in the background, each report shown when it is ready («Считается…» until then). */
  source?: ReportsSource;
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
export function ReportsPanel({ records, moderation, source, clock, now, onCsv, onPrint, onCopy }: ReportsPanelProps) {
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

  const given = useMemo(() => {
    if (!period || !records) return null;
    return {
      missed: missedDeadlines(records, clock, period, now),
      surges: significantAndSurges(records, now, { ...SURGE_OPTIONS, period }),
      moderation: moderationReport(moderation ?? [], period),
      response: responseTimes(records, clock, period),
    };
  }, [records, moderation, clock, now, period?.from, period?.to]);

  // From the database: each count for the period asked; a new period stops the old count.
  const key = period ? `${period.from}:${period.to}:${now}` : '';
  const counted = useSignal<{ key: string; messages?: MessageReports; moderation?: ModerationReport; error?: string } | null>(null);
  useEffect(() => {
    if (!source || !period) return;
    const control = new AbortController();
    counted.value = { key };
    const failed = (e: unknown) => {
      if (!control.signal.aborted) counted.value = { ...counted.peek(), key, error: e instanceof Error ? e.message : String(e) };
    };
    source.messages(period, now, control.signal).then((m) => {
      if (!control.signal.aborted) counted.value = { ...counted.peek(), key, messages: m };
    }, failed);
    source.moderation(period, control.signal).then((m) => {
      if (!control.signal.aborted) counted.value = { ...counted.peek(), key, moderation: m };
    }, failed);
    return () => control.abort();
  }, [source, key]);
  const mine = counted.value?.key === key ? counted.value : null;
  const reports = given ?? (period && source ? { missed: mine?.messages?.missed, surges: mine?.messages?.surges, response: mine?.messages?.response, moderation: mine?.moderation } : null);
  const workday = workdayMinutes(clock.settings);
  const pending = (
    <p class="muted" data-loading>
      Считается…
    </p>
  );

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
          {mine?.error && (
            <p class="error" role="alert">
              Отчёт не посчитан: {mine.error}. Нажмите «Обновить данные».
            </p>
          )}
          <section aria-labelledby="rep-missed" data-period={stamp}>
            <h2 id="rep-missed">Нарушения сроков (п. 18) за {formatPeriod(period, zone)}</h2>
            {(() => {
              const missed = reports.missed;
              if (!missed) return pending;
              return (
                <>
            <div class="actions">
              <button type="button" onClick={() => onCsv(`narusheniya-srokov-${stamp}.csv`, missedToCsv(missed, zone))}>
                CSV
              </button>
              <button type="button" onClick={() => onPrint(withMissedBars(missedToHtml(missed, { period, generatedAt: now, zone }), missed.departments))}>
                Печать (A4)
              </button>
            </div>
            {missed.total === 0 ? (
              <p class="muted">Нарушений сроков за период нет.</p>
            ) : (
              <>
                <MissedBars groups={missed.departments} />
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
                    {missed.departments.map((g) => (
                      <tr key={g.department}>
                        <td>{g.department}</td>
                        <td>{g.byClause.map((c) => `п. ${c.clause} — ${c.count}`).join('; ')}</td>
                        <td class="num">{g.total}</td>
                        <td class="num">{lateText(g.minutesLate, missed)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th>Итого</th>
                      <td>{missed.byClause.map((c) => `п. ${c.clause} — ${c.count}`).join('; ')}</td>
                      <th class="num">{missed.total}</th>
                      <td />
                    </tr>
                  </tfoot>
                </table>
                {missed.departments.map((g) => (
                  <MissedRows key={g.department} group={g} report={missed} zone={zone} />
                ))}
              </>
            )}
            {missed.total > 0 && <p class="muted">Просрочка — в рабочем времени; {workdayNote(missed)}.</p>}
            {missed.skipped.length > 0 && (
              <div class="error" data-testid="missed-skipped">
                Не учтены сообщения, сроки которых не посчитать — проверьте их даты и историю:
                <ul>
                  {missed.skipped.map((s) => (
                    <li key={s.id}>
                      № {messageNumber(s.id)}
                      {s.author && ` (${s.author})`}: {s.error}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
              );
            })()}
          </section>

          <section aria-labelledby="rep-significant" data-period={stamp}>
            <h2 id="rep-significant">Социально значимое и всплески активности (п. 19)</h2>
            {(() => {
              const surges = reports.surges;
              if (!surges) return pending;
              return (
                <>
            <div class="actions">
              <button type="button" onClick={() => onCopy(surgesToText(surges, zone))}>
                Скопировать сводку
              </button>
            </div>
            <h3>Социально значимые сообщения: {surges.significant.length}</h3>
            <ul class="report-rows" data-testid="significant">
              {surges.significant.map((s) => (
                <li key={s.id}>
                  {formatDateTime(s.receivedAt, zone)} {s.author && `${s.author}: `}«{s.snippet}»{s.topic && ` (${s.topic})`}
                </li>
              ))}
            </ul>
            <h3>Всплески за последние {surges.options.windowHours} ч</h3>
            {surges.surges.length === 0 ? (
              <p class="muted">Не выявлены.</p>
            ) : (
              <ul class="report-rows" data-testid="surges">
                {surges.surges.map((s) => (
                  <li key={`${s.kind}:${s.key}`}>
                    {s.kind === 'page' ? 'Страница' : 'Тема'} «{s.label}»: {s.count} за {surges.options.windowHours} ч; обычно {formatUsual(s, surges.options)}
                  </li>
                ))}
              </ul>
            )}
            <p class="muted">{surges.rule}</p>
          </>
              );
            })()}
          </section>

          <section aria-labelledby="rep-moderation" data-period={stamp}>
            <h2 id="rep-moderation">Модерация: удалено комментариев — {reports.moderation?.total ?? '…'}</h2>
            {(() => {
              const moderation = reports.moderation;
              if (!moderation) return pending;
              return (
                <>
            {moderation.total > 0 && (
              <>
                <div class="actions">
                  <button type="button" onClick={() => onCsv(`moderaciya-${stamp}.csv`, moderationToCsv(moderation))}>
                    CSV
                  </button>
                </div>
                <div class="report-columns" data-testid="moderation-summary">
                  {(
                    [
                      ['По страницам', moderation.byPage],
                      ['По категориям', moderation.byCategory],
                      ['По пунктам', moderation.byClause],
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
          </>
              );
            })()}
          </section>

          <section aria-labelledby="rep-response" data-period={stamp}>
            <h2 id="rep-response">Время ответа (рабочее время от поступления до размещения)</h2>
            {(() => {
              const response = reports.response;
              if (!response) return pending;
              return (
                <>
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
                {[...response.departments, response.total].map((r) => (
                  <tr key={r.department}>
                    <td>{r.department}</td>
                    <td class="num">{r.published}</td>
                    <td class="num">{r.median === null ? '—' : formatWorkingTime(r.median, workday)}</td>
                    <td class="num">{r.p90 === null ? '—' : formatWorkingTime(r.p90, workday)}</td>
                    <td class="num">{shareText(r.onTimeShare)}</td>
                    <td class="num">{r.unanswered}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ResponseChart rows={response.departments} workdayMinutes={workday} />
          </>
              );
            })()}
          </section>
        </>
      )}
    </div>
  );
}

/** Rows shown in a unit's list at most: a city's year has tens of thousands; all of them go to the CSV and the A4 page. */
const ROWS_SHOWN = 300;

/** One unit's missed deadlines, the first ROWS_SHOWN of them: tens of thousands of rows would freeze the panel for seconds. */
function MissedRows({ group: g, report, zone }: { group: MissedReport['departments'][number]; report: MissedReport; zone: string }) {
  return (
    <details>
      <summary>
        {g.department}: {g.total}
      </summary>
      {
        <>
          <ul class="report-rows">
            {g.rows.slice(0, ROWS_SHOWN).map((r) => (
              <li key={`${r.messageId}-${r.deadline}`}>
                п. {r.clause} «{r.title}»: срок {formatDateTime(r.due, zone)},{' '}
                {r.doneAt === null ? 'не выполнено' : `выполнено ${formatDateTime(r.doneAt, zone)}`}, просрочка {rowLateText(r, report, zone)} —{' '}
                {r.link ? (
                  <SiteLink href={r.link}>{r.author || `№ ${messageNumber(r.messageId)}`}</SiteLink>
                ) : (
                  r.author || `№ ${messageNumber(r.messageId)}`
                )}
                : {r.snippet}
              </li>
            ))}
          </ul>
          {g.total > ROWS_SHOWN && (
            <p class="muted">
              Показаны первые {ROWS_SHOWN} из {g.total}: весь список — в CSV и в версии для печати.
            </p>
          )}
        </>
      }
    </details>
  );
}
