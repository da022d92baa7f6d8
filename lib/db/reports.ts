/**
 * The curator's reports straight from the database, a page of messages at a time: each message is
 * replayed once for all three message reports, nothing but the reports' own rows stays in memory
 * (a city's year is ~85 MB of records), and the work gives the panel back every few milliseconds so
 * it never freezes. The moderation report reads only the period, by the log's time index.
 */
import { missedCollector, replayed, type MissedReport } from '../reports/missed';
import { moderationReport, type ModerationReport } from '../reports/moderation';
import { responseCollector, type ResponseTimesReport } from '../reports/response';
import { surgesCollector, type SurgeOptions, type SurgeReport } from '../reports/surges';
import type { Period } from '../reports/format';
import type { MessageRecord } from '../messages/types';
import type { ModerationEntry } from '../moderation/log';
import type { WorkClock } from '../worktime/clock';
import type { OtklikDB } from './schema';

/** Records per read: handing a read's records to the page is one task, a few milliseconds for this many. */
const PAGE = 300;
/** Work between two yields, ms: well under the 50 ms that makes a task long. */
const SLICE_MS = 12;

export interface MessageReports {
  missed: MissedReport;
  surges: SurgeReport;
  response: ResponseTimesReport;
}

/** Gives the event loop back: input and painting go first. */
export function yieldToPanel(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function aborted(signal?: AbortSignal) {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Прервано', 'AbortError');
}

function readPage(db: OtklikDB, after: string | null): Promise<MessageRecord[]> {
  return (after === null ? db.messages.orderBy(':id') : db.messages.where(':id').above(after)).limit(PAGE).toArray();
}

/** §18, §19 and response times for a period, from every stored message. `signal` stops it (a new period). */
export async function messageReports(
  db: OtklikDB,
  input: { clock: WorkClock; period: Period; now: number; surges: SurgeOptions },
  signal?: AbortSignal,
): Promise<MessageReports> {
  const { clock, period, now } = input;
  const missed = missedCollector(clock, period, now);
  const surges = surgesCollector(now, { ...input.surges, period });
  const response = responseCollector(clock, period);
  let next = readPage(db, null);
  let sliceStart = performance.now();
  for (;;) {
    const page = await next;
    aborted(signal);
    // The next read runs while this page is counted.
    if (page.length === PAGE) next = readPage(db, page[page.length - 1]!.id);
    for (const record of page) {
      const state = replayed(record);
      missed.add(record, state);
      surges.add(record, state);
      response.add(record, state);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPanel();
        aborted(signal);
        sliceStart = performance.now();
      }
    }
    if (page.length < PAGE) break;
  }
  return { missed: missed.result(), surges: surges.result(), response: response.result() };
}

/**
 * The moderation report for a period: only the log's entries of the period are read, by its time
 * index, a page at a time (each page starts after the last entry read: time, then id).
 */
export async function moderationReportFor(db: OtklikDB, period: Period, signal?: AbortSignal): Promise<ModerationReport> {
  const entries: ModerationEntry[] = [];
  const size = PAGE * 10;
  let lastAt = period.from;
  let lastId = -Infinity;
  for (;;) {
    const [at, id] = [lastAt, lastId];
    const range = () => db.moderation.where('at').between(at, period.to, true, false);
    // A plain range with a limit is one getAll; entries at `at` come in id order, those read already
    // are dropped here. Only a page of nothing but entries read already (more than a page at one
    // instant) needs the filtered read, which walks a cursor.
    let raw = await range().limit(size).toArray();
    let page = raw.filter((e) => e.at > at || (e.id ?? 0) > id);
    if (!page.length && raw.length === size) page = raw = await range().filter((e) => e.at > at || (e.id ?? 0) > id).limit(size).toArray();
    aborted(signal);
    for (const e of page) entries.push(e);
    if (raw.length < size || !page.length) break;
    lastAt = page[page.length - 1]!.at;
    lastId = page[page.length - 1]!.id ?? 0;
    await yieldToPanel();
  }
  return moderationReport(entries, period);
}
