/**
 * What travels through the team's log: one event of one message, with the message's own fields so
 * that any copy can start the message in a browser that never saw it. Everything read from the
 * server is checked here before it reaches the store; a bad one is set aside, never applied.
 */
import { z } from 'zod';
import { SourceSchema } from '../backup/schemas';
import type { MessageRecord } from '../messages/types';
import { MessageEventSchema, type MessageEvent } from '../workflow/schema';
import { TRANSITIONS } from '../workflow/transitions';
import { parseSubject } from './subjects';
import { siteSchema } from '../sites/shapes';
import type { Result } from '../result';

const Id = z.string().min(1).max(100);

export const MessageHeaderSchema = z.object({
  site: siteSchema,
  commentRef: z.string().max(200).optional(),
  url: z.string().max(2000).optional(),
  author: z.string().max(500).optional(),
  text: z.string().max(20_000).optional(),
  source: SourceSchema,
  importKey: z.string().max(500).nullable(),
  createdAt: z.number().int(),
});
export type MessageHeader = z.infer<typeof MessageHeaderSchema>;

export const EnvelopeSchema = z.object({
  v: z.literal(1),
  messageId: Id,
  // The event's id is checked apart (below): an intersection here would cost a third of the check.
  event: MessageEventSchema,
  message: MessageHeaderSchema,
  /** The author's login (the subject's): the name the server vouches for. */
  by: z.string().max(64),
});
export type Envelope = Omit<z.infer<typeof EnvelopeSchema>, 'event'> & { event: z.infer<typeof MessageEventSchema> & { id: string } };

export function headerOf(r: MessageRecord): MessageHeader {
  return {
    site: r.site,
    ...(r.commentRef ? { commentRef: r.commentRef } : {}),
    ...(r.url ? { url: r.url } : {}),
    ...(r.author ? { author: r.author } : {}),
    ...(r.text ? { text: r.text } : {}),
    source: r.source as MessageHeader["source"],
    importKey: r.importKey,
    createdAt: r.createdAt,
  };
}

export function envelopeOf(r: MessageRecord, event: MessageEvent, by: string): Envelope {
  return { v: 1, messageId: r.id, event: event as Envelope['event'], message: headerOf(r), by };
}

/** One event read from the server, checked, with its place in the log. */
export interface RemoteEvent {
  envelope: Envelope;
  /** The server's time of this copy (ms): the log's order across streams of one server. */
  ts: number;
  stream: string;
  seq: number;
}

export type Checked = Result<{ value: Envelope }>;

/**
 * The envelope read from `subject`, if it may stand: it parses; the subject names the message and
 * the author; and the author may do this. A curator's subject may carry anyone's event (the curator
 * passes a message's history on to the unit it is routed to); any other subject only its own role's
 * acts — a curator-only step under an executor's name is refused even if the server let it in.
 */
export function checkEnvelope(subject: string, data: unknown): Checked {
  const where = parseSubject(subject);
  if (!where || !where.messageId) return { ok: false, error: `чужая тема «${subject.slice(0, 80)}»` };
  const r = EnvelopeSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, error: `неверный формат (${issue?.path.join('.') || '—'}: ${issue?.message ?? ''})` };
  }
  const e = r.data as Envelope;
  if (typeof e.event.id !== 'string' || !e.event.id || e.event.id.length > 100) return { ok: false, error: 'у события нет id' };
  if (e.messageId !== where.messageId) return { ok: false, error: 'сообщение в теме и в событии не совпадают' };
  if (e.by !== where.login) return { ok: false, error: `автор «${e.by}» не совпадает с учётной записью «${where.login}»` };
  if (where.type !== e.event.type) return { ok: false, error: 'вид события в теме и в событии не совпадают' };
  if (where.role !== 'curator') {
    if (where.role !== e.event.actor.role) return { ok: false, error: `роль «${where.role}» не совпадает с ролью в событии` };
    if (!TRANSITIONS[e.event.type].roles.includes(where.role as 'executor')) return { ok: false, error: `«${TRANSITIONS[e.event.type].title}» — действие Куратора` };
  }
  return { ok: true, value: e };
}
