/** Changing the library: the curator's edits, and a file's or a backup's templates joined to ours. */
import type { ReplyTemplate } from './schema';

/** One template put or removed — what the team server carries (lib/sync/team), without the envelope. */
export type TemplateOp = { op: 'put'; template: ReplyTemplate } | { op: 'remove'; templateId: string };

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

/** What changed from `before` to `after`, as ops: a template new or edited is put, one gone is removed. */
export function templateOps(before: readonly ReplyTemplate[], after: readonly ReplyTemplate[]): TemplateOp[] {
  const old = new Map(before.map((t) => [t.id, t]));
  const ops: TemplateOp[] = after.filter((t) => old.get(t.id) !== t).map((template) => ({ op: 'put', template }));
  const kept = new Set(after.map((t) => t.id));
  for (const t of before) if (!kept.has(t.id)) ops.push({ op: 'remove', templateId: t.id });
  return ops;
}

/** The library after ops from the team's log, in its order: a put replaces the template of that id or adds it. */
export function applyTemplateOps(list: readonly ReplyTemplate[], ops: readonly TemplateOp[]): ReplyTemplate[] {
  const byId = new Map(list.map((t) => [t.id, t]));
  for (const o of ops) {
    if (o.op === 'put') byId.set(o.template.id, o.template);
    else byId.delete(o.templateId);
  }
  return [...byId.values()];
}
