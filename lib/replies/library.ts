/** Changing the library: the curator's edits, and a file's or a backup's templates joined to ours. */
import type { ReplyTemplate } from './schema';

/** What the options form edits of a template; the stamps are set here. */
export type TemplateFields = Pick<ReplyTemplate, 'id' | 'title' | 'topic' | 'department' | 'text'>;

/**
 * One save of the form: the templates the curator changed or added, and those removed. Templates it
 * does not mention stay as stored, so an edit made meanwhile in another tab survives.
 */
export interface TemplateChange {
  edits: TemplateFields[];
  removed: string[];
}

const tidy = (e: TemplateFields): TemplateFields => ({
  id: e.id,
  title: e.title.trim(),
  topic: e.topic.trim(),
  department: e.department.trim(),
  // Spaces around the text are never wanted; the line breaks inside are the curator's.
  text: e.text.trim(),
});

const sameFields = (a: TemplateFields, b: TemplateFields) =>
  a.title === b.title && a.topic === b.topic && a.department === b.department && a.text === b.text;

/** The library after a save: changed templates get the time and the curator's name, the rest keep theirs. */
export function applyTemplateChange(stored: readonly ReplyTemplate[], change: TemplateChange, who: string, now: number): ReplyTemplate[] {
  const removed = new Set(change.removed);
  const edits = new Map(change.edits.map((e) => [e.id, tidy(e)]));
  const stamp = (base: ReplyTemplate | undefined, e: TemplateFields): ReplyTemplate =>
    base && sameFields(base, e) ? base : { ...base, ...e, updatedAt: now, updatedBy: who };
  const out: ReplyTemplate[] = [];
  for (const t of stored) {
    if (removed.has(t.id)) continue;
    const e = edits.get(t.id);
    out.push(e ? stamp(t, e) : t);
    edits.delete(t.id);
  }
  for (const e of edits.values()) if (!removed.has(e.id)) out.push(stamp(undefined, e));
  return out;
}

/**
 * Ours joined with theirs (an imported file, a backup merged in): a template on both sides keeps
 * the later edit, one only they have is added; nothing of ours is removed.
 */
export function mergeTemplates(
  ours: readonly ReplyTemplate[],
  theirs: readonly ReplyTemplate[],
): { templates: ReplyTemplate[]; added: number; updated: number } {
  const incoming = new Map(theirs.map((t) => [t.id, t]));
  let updated = 0;
  const templates = ours.map((t) => {
    const other = incoming.get(t.id);
    incoming.delete(t.id);
    if (other && other.updatedAt > t.updatedAt) {
      updated++;
      return other;
    }
    return t;
  });
  const added = [...incoming.values()];
  return { templates: [...templates, ...added], added: added.length, updated };
}
