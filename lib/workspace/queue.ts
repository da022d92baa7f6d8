/**
 * The messages' queue: its rows (read once, then patched where a write changed them), the units
 * seen in it, the filters and countdowns, the curator's import of a file (checked in slices, so the
 * panel stays responsive over 50,000 rows) and the curator's act on many messages at once.
 */
import { computed, signal } from '@preact/signals';
import { appendEvents, importMessages } from '../db/messages';
import { liveSummaries } from '../db/live-summaries';
import { buildImportInSlices, inspectImportInSlices } from '../messages/import';
import { queryQueue, rowCountdown, urgency, type MakeEvent } from '../messages/queue';
import type { MessageSummary } from '../messages/types';
import type { Session } from './session';

type Filter = Parameters<typeof queryQueue>[1];
type Sort = Parameters<typeof queryQueue>[2];
/** What the queue's controls give: the filter's fields, and the statuses a group stands for. */
type Query = Pick<Filter, 'importance' | 'department' | 'sociallySignificant' | 'search'> & { statuses: Filter['statuses'] };

export function queueModel(session: Session) {
  const { db } = session;
  const rows = liveSummaries(db);
  /** How far an import's check of its rows has gone (shown in the import dialog). */
  const checking = signal<{ checked: number; total: number } | null>(null);
  const isCurator = computed(() => session.settings.value.role === 'curator');
  return {
    rows,
    checking,
    isCurator,
    departments: computed(() => [...new Set((rows.value.value ?? []).flatMap((r) => [r.department, ...r.coDepartments]).filter(Boolean))].sort()),
    apply: (list: readonly MessageSummary[], q: Query, sort: Sort) =>
      queryQueue(list, { statuses: q.statuses, importance: q.importance, department: q.department, sociallySignificant: q.sociallySignificant, search: q.search }, sort),
    countdown: (row: MessageSummary, t: number) => rowCountdown(row, t, session.clock.value, session.zone.value) ?? '',
    urgency: (row: MessageSummary, t: number) => urgency(row, t, session.clock.value),
    /** What a file's row reads as, for the mapping step. */
    inspect: inspectImportInSlices,
    async commit(
      text: string,
      format: Parameters<typeof buildImportInSlices>[1],
      mapping: Parameters<typeof buildImportInSlices>[2],
      onProgress?: (written: number, total: number, duplicates: number) => void,
    ): Promise<{ ok: true; added: number; duplicates: number } | { ok: false; errors: string[]; added?: number; duplicates?: number; total?: number }> {
      const built = await buildImportInSlices(
        text,
        format,
        mapping,
        // The user's own schedule and calendar: a year added in the settings counts here too.
        { now: session.at(), actor: { ...session.me.value, role: 'curator' }, zone: session.zone.value, clock: session.clock.value },
        { onProgress: (checked, total) => (checking.value = { checked, total }) },
      );
      checking.value = null;
      if (!built.ok) return built;
      const r = await importMessages(db, built.records, session.clock.value, session.at(), { onProgress });
      return r.error ? { ok: false, errors: [r.error], added: r.added, duplicates: r.duplicates, total: built.records.length } : { ok: true, added: r.added, duplicates: r.duplicates };
    },
    /** One act on many messages: each where the workflow allows it, the rest skipped with a reason. */
    bulk: (ids: readonly string[], makeEvent: MakeEvent) => appendEvents(db, ids, makeEvent, session.clock.value, session.at()),
  };
}
