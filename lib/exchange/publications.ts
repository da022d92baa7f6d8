/**
 * Publication requests in exchange files (App. 2 §9 without a team server): the department's page
 * owner sends its requests to the department of information policy, which sends back its edits,
 * remarks and approvals. The same rules as for messages: histories only grow; a file from a
 * department brings only that department's acts — never the department of information policy's.
 */
import { z } from 'zod';
import { mergePublications, type IncomingPublication } from '../db/publications';
import type { OtklikDB } from '../db/schema';
import { replayPublication } from '../publications/reducer';
import { PublicationRecordSchema, type PublicationRecord } from '../publications/schema';
import { foldDepartment } from '../sync/subjects';
import type { ExchangeOrigin } from './types';

/** The requests a department wrote (the curator's file for it, or its own file back). */
export function publicationsOfDepartment(records: readonly PublicationRecord[], department: string): PublicationRecord[] {
  const unit = foldDepartment(department);
  return records.filter((r) => {
    const author = r.events[0]?.actor.department;
    return author !== undefined && foldDepartment(author) === unit;
  });
}

/** The file's requests checked whole: the format, each history replayable. Errors in Russian. */
export function checkPublications(items: unknown): { ok: true; records: PublicationRecord[] } | { ok: false; errors: string[] } {
  if (items === undefined) return { ok: true, records: [] };
  const parsed = z.array(PublicationRecordSchema).max(10_000).safeParse(items, { error: z.locales.ru().localeError });
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { ok: false, errors: [`Файл обмена повреждён: ${i?.message ?? 'неверный формат'} (поле publications${i?.path.length ? `.${i.path.join('.')}` : ''})`] };
  }
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const r of items as PublicationRecord[]) {
    if (seen.has(r.id)) errors.push(`Публикация «${r.id}» встречается в файле дважды.`);
    seen.add(r.id);
    try {
      replayPublication(r.events);
    } catch (e) {
      errors.push(`Публикация «${r.id}»: история не воспроизводится — ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return errors.length ? { ok: false, errors: errors.slice(0, 10) } : { ok: true, records: items as PublicationRecord[] };
}

export interface PublicationImport {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Why the file's requests may not come in, or null: from a department, the acts new here must be
 * that department's own (a request it did not write, or a decision of the department of information
 * policy, cannot come from its file).
 */
export async function publicationImportProblem(db: OtklikDB, records: readonly PublicationRecord[], from: ExchangeOrigin): Promise<string | null> {
  if (from.role === 'curator' || !records.length) return null;
  const unit = foldDepartment(from.department ?? '');
  const locals = await db.publications.bulkGet(records.map((r) => r.id));
  for (const [i, r] of records.entries()) {
    const known = new Set((locals[i]?.events ?? []).map((e) => e.id));
    for (const e of r.events) {
      if (known.has(e.id)) continue;
      if (e.actor.role === 'curator') return `Публикация «${r.id}»: в файле подразделения есть решения департамента информационной политики, которых здесь не было.`;
      if (foldDepartment(e.actor.department ?? '') !== unit) return `Публикация «${r.id}»: в файле подразделения «${from.department ?? '—'}» есть действия другого подразделения.`;
    }
  }
  return null;
}

/** The requests merged (mergePublications: one transaction); a re-imported file changes nothing. */
export async function importPublications(db: OtklikDB, records: readonly PublicationRecord[], now: number): Promise<PublicationImport> {
  const locals = await db.publications.bulkGet(records.map((r) => r.id));
  const items: IncomingPublication[] = records.flatMap((r) => r.events.map((event) => ({ requestId: r.id, event: event as IncomingPublication['event'] })));
  const changed = new Set(await mergePublications(db, items, now));
  let added = 0;
  let updated = 0;
  records.forEach((r, i) => {
    if (!changed.has(r.id)) return;
    if (locals[i]) updated++;
    else added++;
  });
  return { added, updated, unchanged: records.length - added - updated };
}
