/**
 * Team data on the team stream (`otk.team.<kind>.<role>.<login>`): what the whole administration
 * shares beyond messages. Now: the moderators' «Не нарушение» (a word allowed everywhere, a comment
 * left as it is), the team's own word lists (the lexicon the curator keeps), the saved replies
 * (the curator's library, one op per template put or removed), publication requests, the
 * registry of official pages and the moderation log. Each change is an
 * op; the log's order decides (a later «вернуть» after an «allow» wins, and so on); the local copy
 * is the replay of the log plus what this browser has not sent yet.
 *
 * Ops wait in `teamOutbox` (storage.local, written in the same call as the change itself) until the
 * server acknowledges them — offline first, as messages are.
 */
import { z } from 'zod';
import { ReplyTemplateSchema, type ReplyTemplate } from '../replies/schema';
import { PublicationEventSchema } from '../publications/schema';
import { sharedEntrySchema } from '../moderation/log';
import { registryEntrySchema } from '../registry/schema';
import { parseSubject, type StaffRole, type TeamKind } from './subjects';

export { TEAM_OUTBOX_KEY } from '../moderation/allowlist';

/** What every op carries: a lasting id (the server drops a repeat), when, and who (the subject's login). */
const head = { v: z.literal(1), id: z.string().min(1).max(100), at: z.number().int(), by: z.string().max(64) };

export const TeamOpSchema = z.union([
  z.object({ ...head, kind: z.literal('allow'), op: z.enum(['add', 'remove']), list: z.enum(['words', 'comments']), value: z.string().min(1).max(500) }),
  z.object({ ...head, kind: z.literal('lexicon'), source: z.unknown() }),
  z.object({ ...head, kind: z.literal('replies'), op: z.literal('put'), template: ReplyTemplateSchema as unknown as z.ZodType<ReplyTemplate> }),
  z.object({ ...head, kind: z.literal('replies'), op: z.literal('remove'), templateId: z.string().min(1).max(100) }),
  // A publication request's event (App. 2 §9); `id` is the event's own id (lib/publications/team).
  z.object({ ...head, kind: z.literal('publication'), requestId: z.string().min(1).max(100), event: PublicationEventSchema }),
  // The registry of official pages (lib/registry/team): an entry as it now is, or its removal.
  z.object({ ...head, kind: z.literal('registry'), op: z.literal('put'), entry: registryEntrySchema }),
  z.object({ ...head, kind: z.literal('registry'), op: z.literal('remove'), entryId: z.string().min(1).max(100) }),
  // A moderation log entry (lib/moderation/team): a deletion or a «Не нарушение», with its evidence.
  z.object({ ...head, kind: z.literal('mod'), entry: sharedEntrySchema }),
]);
export type TeamOp = z.infer<typeof TeamOpSchema>;
/** An op as made locally, before the login that sends it is known. */
export type LocalTeamOp = TeamOp extends infer O ? (O extends TeamOp ? Omit<O, 'by'> : never) : never;
export type RepliesOp = Extract<TeamOp, { kind: 'replies' }>;

/** Who may share which kind (the server's permissions say the same; this keeps the client from trying). */
export function teamKindFor(op: Pick<TeamOp, 'kind'>, role: StaffRole): TeamKind | null {
  if (op.kind === 'allow') return role === 'moderator' || role === 'curator' ? 'allow' : null;
  if (op.kind === 'lexicon') return role === 'curator' ? 'lexicon' : null;
  if (op.kind === 'replies') return role === 'curator' ? 'replies' : null;
  // The department of information policy (the curator), the pages' owners and the departments'
  // executors (App. 2 §9: a department's information goes to the DIP); a moderator has none.
  if (op.kind === 'publication') return role === 'curator' || role === 'owner' || role === 'executor' ? 'posts' : null;
  // App. 2 §2.1: the registry is the curator's and the pages' owners'; the log is the moderators'.
  if (op.kind === 'registry') return role === 'curator' || role === 'owner' ? 'registry' : null;
  if (op.kind === 'mod') return role === 'curator' || role === 'moderator' ? 'mod' : null;
  return null;
}

/** An op read from the team stream, if it may stand: it parses, its subject names its kind and author. */
export function checkTeamOp(subject: string, data: unknown): { ok: true; value: TeamOp } | { ok: false; error: string } {
  const where = parseSubject(subject);
  if (!where || where.stream !== 'team') return { ok: false, error: `чужая тема «${subject.slice(0, 80)}»` };
  const r = TeamOpSchema.safeParse(data);
  if (!r.success) return { ok: false, error: `неверный формат (${r.error.issues[0]?.path.join('.') || '—'})` };
  if (r.data.by !== where.login) return { ok: false, error: `автор «${r.data.by}» не совпадает с учётной записью «${where.login}»` };
  if (teamKindFor(r.data, where.role as StaffRole) !== where.type) return { ok: false, error: `«${where.role}» не ведёт «${where.type}»` };
  // A decision of the department of information policy only under a curator's subject, and so on.
  if (r.data.kind === 'publication' && r.data.event.actor.role !== where.role) return { ok: false, error: `роль «${where.role}» не совпадает с ролью в событии` };
  return { ok: true, value: r.data };
}

export interface Allow {
  comments: string[];
  words: string[];
}

/** The allow-list after one op (a new list; the given one is not changed). */
export function applyAllow(list: Allow, op: Extract<TeamOp, { kind: 'allow' }>): Allow {
  const current = list[op.list];
  const next = op.op === 'add' ? (current.includes(op.value) ? current : [...current, op.value]) : current.filter((v) => v !== op.value);
  return next === current ? list : { ...list, [op.list]: next };
}

/** Where team ops are kept and applied: storage in the browser, memory in tests. */
export interface TeamStore {
  pending(): Promise<LocalTeamOp[]>;
  /** Acknowledged (or not this user's to send): out of the outbox. */
  settle(ids: readonly string[]): Promise<void>;
  /** Ops from the log, in its order (own ones included: applying twice changes nothing). */
  apply(ops: readonly TeamOp[]): Promise<void>;
}

/**
 * A part of the team data kept in a place of its own (a database table): the kinds it takes, what of
 * it waits to be sent and what the server acknowledged (when it keeps its own outbox), and how the
 * ops read from the log apply to it.
 */
export interface TeamPart {
  kinds: readonly TeamOp['kind'][];
  pending?(): Promise<LocalTeamOp[]>;
  settle?(ids: readonly string[]): Promise<void>;
  apply(ops: readonly TeamOp[]): Promise<void>;
}

/** One team store from a base (the storage outbox and what lives in storage) and its parts. */
export function teamStoreOf(base: TeamStore, parts: readonly TeamPart[]): TeamStore {
  return {
    async pending() {
      const all = await Promise.all([base.pending(), ...parts.map((p) => p.pending?.() ?? Promise.resolve([]))]);
      return all.flat();
    },
    async settle(ids) {
      await base.settle(ids);
      for (const p of parts) await p.settle?.(ids);
    },
    async apply(ops) {
      // Each part gets its own ops in the log's order; kinds do not depend on each other.
      const taken = new Set<TeamOp>();
      for (const p of parts) {
        const mine = ops.filter((op) => p.kinds.includes(op.kind));
        mine.forEach((op) => taken.add(op));
        if (mine.length) await p.apply(mine);
      }
      const rest = ops.filter((op) => !taken.has(op));
      if (rest.length) await base.apply(rest);
    },
  };
}
