/**
 * §18 of Appendix 1: every deadline broken in a period, by who answers for it (the curator or the
 * unit) and by clause, for the curator's report to the Mayor.
 */
import { safeSiteLink } from '../sites/address';
import { toCsv } from '../csv';
import { messageNumber, partyName } from '../messages/summary';
import type { MessageRecord } from '../messages/types';
import { deadlineReport } from '../workflow/deadlines';
import { replay, type MessageState } from '../workflow/reducer';
import type { DeadlineName } from '../workflow/table';
import type { WorkClock } from '../worktime/clock';
import { escapeHtml } from '../html';
import { formatDate, formatDateTime, formatPeriod, formatWorkingTime, inPeriod, snippetOf, workdayMinutes, type Period } from './format';
import type { Result } from '../result';

export const CURATOR_PARTY = 'Куратор';

/**
 * The decree was signed on 25 May 2020: a deadline before it is a wrong date (a test record, a year
 * lost in an import), not decades of lateness. Such rows are listed and left out of the totals.
 */
export const DECREE_SIGNED = Date.parse('2020-05-25T00:00:00+06:00');

export interface MissedRow {
  messageId: string;
  author: string;
  snippet: string;
  link: string | null;
  deadline: DeadlineName;
  clause: string;
  title: string;
  due: number;
  /** When the step was done; null: «не выполнено» as of the report's `now`. */
  doneAt: number | null;
  status: 'late' | 'missed';
  /** Working minutes from the deadline to the act, or to `now` when it is still not done. */
  minutesLate: number;
  /** The deadline falls before the decree: a wrong date, so `minutesLate` is not added to any total. */
  dateSuspect: boolean;
  /** 'Куратор' or the unit. */
  department: string;
  /** The executor's name, when the history names one. */
  person: string | null;
}

export interface ClauseTotal {
  clause: string;
  title: string;
  count: number;
  minutesLate: number;
}

export interface DepartmentGroup {
  department: string;
  total: number;
  minutesLate: number;
  byClause: ClauseTotal[];
  rows: MissedRow[];
}

export interface MissedReport {
  period: Period;
  now: number;
  total: number;
  departments: DepartmentGroup[];
  byClause: ClauseTotal[];
  /** Messages whose history cannot be replayed, or whose dates the calendar cannot count: left out, and said so rather than hidden. */
  skipped: { id: string; author: string; error: string }[];
  /** The schedule's nominal working day, in minutes: what «раб. дн.» counts. */
  workdayMinutes: number;
}

/** A total or a row's lateness in working days and hours. */
export function lateText(minutes: number, report: Pick<MissedReport, 'workdayMinutes'>): string {
  return formatWorkingTime(minutes, report.workdayMinutes);
}

/** «рабочий день — 8 ч»: what «раб. дн.» stands for, under the tables. */
export function workdayNote(report: Pick<MissedReport, 'workdayMinutes'>): string {
  const m = Math.round(report.workdayMinutes);
  return `рабочий день (раб. дн.) — ${m % 60 ? `${Math.floor(m / 60)} ч ${m % 60} мин` : `${m / 60} ч`}`;
}

/** A row's lateness as the tables show it; a suspect date says so instead of a number. */
export function rowLateText(row: MissedRow, report: Pick<MissedReport, 'workdayMinutes'>, zone: string): string {
  return row.dateSuspect ? `не посчитана: срок ${formatDate(row.due, zone)} — раньше Порядка 280-п, проверьте дату сообщения` : lateText(row.minutesLate, report);
}

/** Clause order as the decree numbers them: 4.4 before 5 before 12.4. */
function compareClauses(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/** The message's link as the report renders it: an https address on VK or OK, or none. */
function linkOf(r: MessageRecord): string | null {
  return safeSiteLink(r.source?.permalink) ?? safeSiteLink(r.url);
}

function totalsByClause(rows: MissedRow[]): ClauseTotal[] {
  const map = new Map<string, ClauseTotal>();
  for (const r of rows) {
    const t = map.get(r.clause) ?? { clause: r.clause, title: r.title, count: 0, minutesLate: 0 };
    t.count++;
    if (!r.dateSuspect) t.minutesLate += r.minutesLate;
    map.set(r.clause, t);
  }
  return [...map.values()].sort((a, b) => compareClauses(a.clause, b.clause));
}

function rowsOf(record: MessageRecord, state: MessageState, clock: WorkClock, period: Period, now: number): MissedRow[] {
  const rows: MissedRow[] = [];
  for (const v of deadlineReport(state, clock, now).violations) {
    if (v.due === null || !inPeriod(v.due, period)) continue;
    const doneAt = v.status === 'late' ? (v.completedAt ?? null) : null;
    rows.push({
      messageId: record.id,
      author: record.author ?? '',
      snippet: snippetOf(record.text),
      link: linkOf(record),
      deadline: v.name,
      clause: v.clause,
      title: v.title,
      due: v.due,
      doneAt,
      status: v.status as 'late' | 'missed',
      minutesLate: clock.workingMinutesBetween(v.due, doneAt ?? now),
      dateSuspect: v.due < DECREE_SIGNED,
      department: partyName(v.responsible),
      person: v.responsible.role === 'curator' ? null : (v.responsible.name ?? null),
    });
  }
  return rows;
}

/** A message's state, or why its history cannot be replayed: every report replays each message once. */
export type ReplayedState = Result<{ state: MessageState }>;

export function replayed(record: MessageRecord): ReplayedState {
  try {
    return { ok: true, state: replay(record.events) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The §18 report built message by message (the panel feeds it a page of the database at a time):
 * `add` each message with its replayed state, then `result`.
 */
export function missedCollector(clock: WorkClock, period: Period, now: number) {
  const rows: MissedRow[] = [];
  const skipped: MissedReport['skipped'] = [];
  return {
    add(record: MessageRecord, replayedState: ReplayedState) {
      if (!replayedState.ok) {
        skipped.push({ id: record.id, author: record.author ?? '', error: replayedState.error });
        return;
      }
      // A date outside the production calendar (a test record, a year lost in an import) cannot be
      // counted in working time: the message is listed as left out, and the rest of the report stands.
      try {
        rows.push(...rowsOf(record, replayedState.state, clock, period, now));
      } catch (e) {
        skipped.push({ id: record.id, author: record.author ?? '', error: e instanceof Error ? e.message : String(e) });
      }
    },
    result(): MissedReport {
      return missedReportOf(rows, skipped, clock, period, now);
    },
  };
}

function missedReportOf(rows: MissedRow[], skipped: MissedReport['skipped'], clock: WorkClock, period: Period, now: number): MissedReport {
  rows.sort((a, b) => a.due - b.due || a.messageId.localeCompare(b.messageId));
  const groups = new Map<string, MissedRow[]>();
  for (const r of rows) {
    const list = groups.get(r.department);
    if (list) list.push(r);
    else groups.set(r.department, [r]);
  }
  const departments = [...groups.entries()]
    .map(([department, list]) => ({
      department,
      total: list.length,
      minutesLate: list.reduce((s, r) => s + (r.dateSuspect ? 0 : r.minutesLate), 0),
      byClause: totalsByClause(list),
      rows: list,
    }))
    // The curator's own delays first, then units alphabetically: the Mayor reads both, in that order.
    .sort((a, b) => Number(b.department === CURATOR_PARTY) - Number(a.department === CURATOR_PARTY) || a.department.localeCompare(b.department, 'ru'));
  return { period, now, total: rows.length, departments, byClause: totalsByClause(rows), skipped, workdayMinutes: workdayMinutes(clock.settings) };
}

/**
 * Every late or missed deadline whose due instant falls in the period. Lateness is working time:
 * from the deadline to the act, or to `now` for what is still not done.
 */
export function missedDeadlines(records: readonly MessageRecord[], clock: WorkClock, period: Period, now: number): MissedReport {
  const c = missedCollector(clock, period, now);
  for (const record of records) c.add(record, replayed(record));
  return c.result();
}

const NOT_DONE = 'не выполнено';

export function missedToCsv(report: MissedReport, zone: string): string {
  const rows: unknown[][] = [];
  for (const g of report.departments)
    for (const r of g.rows)
      rows.push([
        g.department,
        r.clause,
        r.title,
        messageNumber(r.messageId),
        r.author,
        r.snippet,
        r.link ?? '',
        formatDateTime(r.due, zone),
        r.doneAt === null ? NOT_DONE : formatDateTime(r.doneAt, zone),
        r.dateSuspect ? '' : Math.round(r.minutesLate),
        r.person ?? g.department,
      ]);
  return toCsv(
    ['Ответственный', 'Пункт', 'Срок', 'Сообщение', 'Автор', 'Текст', 'Ссылка', 'Срок истёк', 'Выполнено', 'Просрочка, рабочих минут', 'Кто отвечал'],
    rows,
  );
}

export interface PrintOptions {
  period: Period;
  generatedAt: number;
  zone: string;
}

const PRINT_CSS = `@page { size: A4; margin: 15mm 12mm; }
body { font: 10pt/1.35 "PT Sans", Arial, sans-serif; color: #000; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; }
.meta { margin: 0 0 10pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 6pt; }
th, td { border: 0.5pt solid #555; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; }
.link { word-break: break-all; font-size: 8pt; }`;

/**
 * The report as a standalone page to print to PDF (A4): no scripts, no outside resources, every
 * value escaped — the snippets are citizens' words.
 */
export function missedToHtml(report: MissedReport, options: PrintOptions): string {
  const { zone } = options;
  const e = escapeHtml;
  const period = formatPeriod(options.period, zone);
  const summary = report.byClause
    .map((c) => `<tr><td>п. ${e(c.clause)}</td><td>${e(c.title)}</td><td class="num">${c.count}</td><td class="num">${e(lateText(c.minutesLate, report))}</td></tr>`)
    .join('');
  const byDepartment = report.departments
    .map((g) => `<tr><td>${e(g.department)}</td><td class="num">${g.total}</td><td class="num">${e(lateText(g.minutesLate, report))}</td></tr>`)
    .join('');
  const sections = report.departments
    .map((g) => {
      const rows = g.rows
        .map(
          (r) => `<tr><td>п. ${e(r.clause)}<br>${e(r.title)}</td><td>№ ${e(messageNumber(r.messageId))}<br>${e(r.author)}</td><td>${e(r.snippet)}${
            r.link ? `<div class="link">${e(r.link)}</div>` : ''
          }</td><td>${e(formatDateTime(r.due, zone))}</td><td>${e(r.doneAt === null ? NOT_DONE : formatDateTime(r.doneAt, zone))}</td><td class="num">${e(
            rowLateText(r, report, zone),
          )}</td><td>${e(r.person ?? g.department)}</td></tr>`,
        )
        .join('');
      const clauses = g.byClause.map((c) => `п. ${e(c.clause)} — ${c.count}`).join('; ');
      return `<h2>${e(g.department)}: ${g.total}</h2><p>${clauses}</p><table><thead><tr><th>Срок</th><th>Сообщение</th><th>Текст</th><th>Срок истёк</th><th>Выполнено</th><th class="num">Просрочка</th><th>Кто отвечал</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');
  const body = report.total
    ? `<h2>Итого по пунктам</h2><table><thead><tr><th>Пункт</th><th>Срок</th><th class="num">Нарушений</th><th class="num">Просрочка, рабочее время</th></tr></thead><tbody>${summary}</tbody></table>
<h2>Итого по ответственным</h2><table><thead><tr><th>Ответственный</th><th class="num">Нарушений</th><th class="num">Просрочка, рабочее время</th></tr></thead><tbody>${byDepartment}</tbody></table>${sections}`
    : '<p>Нарушений сроков за период нет.</p>';
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(`Нарушения сроков за ${period}`)}</title>
<style>${PRINT_CSS}</style></head>
<body>
<h1>Нарушения сроков работы с сообщениями граждан (п. 18 прил. 1 к Порядку 280-п)</h1>
<p class="meta">Период: ${e(period)}. Отчёт составлен ${e(formatDateTime(options.generatedAt, zone))}. Всего нарушений: ${report.total}. Просрочка — в рабочем времени, ${e(workdayNote(report))}.</p>
${body}
</body></html>
`;
}
