/**
 * Reports and the exchange of files between the curator and the units. Reports are counted from the
 * database a page at a time (lib/db/reports.ts) as of `at`: when the tab was opened or «Обновить
 * данные» pressed. An exchange file carries a unit's messages (or the executor's drafts) and
 * publication requests; importing one goes through the store like any other change.
 */
import { signal } from '@preact/signals';
import { messageReports, moderationReportFor } from '../db/reports';
import { listPublications } from '../db/publications';
import { exchangeFileName, exchangeToText, exportDrafts, exportForDepartment, importExchange } from '../exchange';
import type { ExchangeFile } from '../exchange/types';
import type { MessageSummary } from '../messages/types';
import { signer, workflowActor } from '../workflow/actor';
import type { Session } from './session';

type Period = Parameters<typeof moderationReportFor>[1];

export function reportsModel(session: Session, rows: () => readonly MessageSummary[] | null) {
  const { db } = session;
  const at = signal(session.at());
  // An executor with no unit yet still names the file as an executor's.
  const origin = () => workflowActor(session.settings.value) ?? { role: 'executor' as const, name: signer(session.settings.value).name, department: '' };
  const saveFile = (file: ExchangeFile) => session.save({ name: exchangeFileName(file, session.zone.value), text: exchangeToText(file), type: 'application/json' });
  return {
    at,
    refresh: () => (at.value = session.at()),
    source: {
      messages: (period: Period, now: number, abort: AbortSignal) =>
        messageReports(db, { clock: session.clock.value, period, now, surges: { windowHours: 3, baselineDays: 14 } }, abort),
      moderation: (period: Period, abort: AbortSignal) => moderationReportFor(db, period, abort),
    },
    origin,
    async exportDepartment(department: string) {
      saveFile(exportForDepartment(await db.messages.toArray(), department, { origin: origin(), now: session.at() }));
    },
    async exportDrafts() {
      saveFile(exportDrafts(await db.messages.toArray(), origin(), session.at()));
    },
    /** Publication requests only: all drafts (null), or a unit's. */
    async exportPublications(department: string | null) {
      const all = await listPublications(db);
      saveFile(department === null ? exportDrafts([], origin(), session.at(), all) : exportForDepartment([], department, { origin: origin(), now: session.at(), publications: all }));
    },
    importFile: (text: string) => importExchange(db, text, origin(), session.clock.value, session.at()),
    labelOf(id: string) {
      const row = rows()?.find((r) => r.id === id);
      return row ? `${row.author || 'Автор неизвестен'}: ${row.snippet.slice(0, 60)}` : id;
    },
  };
}
