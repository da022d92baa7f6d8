/**
 * The protocol between content scripts and the background. Content scripts run in the site's origin
 * and never open the database: everything they learn reaches it through these messages, each
 * validated with zod on arrival (a content script on a hostile page is not to be trusted blindly).
 *
 * Who writes messages: the message store, lib/db/messages.ts, and nothing else. The background calls
 * it for what a page asks (register, published); the extension pages (side panel, options) call it
 * directly for what their user does — both open the same IndexedDB, and every change goes through
 * the store's functions, each one transaction that also queues the event for the team server
 * (lib/sync). Events from the team server come in only through the store's applyRemote.
 * test/unit/db/one-writer.test.ts holds every other file to this.
 */
import { z } from 'zod';
import { evidenceSchema } from '../moderation/log';
import { commentKeySchema, commentSchema, epochMs, originSchema, pageSchema, postSchema } from '../sites/shapes';
import type { Result } from '../result';

const url = z.string().max(2048).regex(/^https:\/\//, 'адрес должен начинаться с https://');

/** Every request type with its payload and its answer. */
export const protocol = {
  /** What a content script saw on a page in one batch. */
  'page/seen': {
    request: z.object({
      page: pageSchema,
      posts: z.array(postSchema).max(5000),
      comments: z.array(commentSchema).max(5000),
    }),
    response: z.object({ pageKey: z.string(), posts: z.number(), comments: z.number() }),
  },
  /** A flagged comment was deleted: the site showed it gone, or the moderator clicked «Удалено». */
  'moderation/deleted': {
    request: z.object({ evidence: evidenceSchema, how: z.enum(['detected', 'manual']) }),
    response: z.object({ id: z.number(), duplicate: z.boolean() }),
  },
  /** «Не нарушение»: this comment, or the words everywhere. */
  /** The comments flagged on the page now, for the moderators' queue; `cleared`: shown here, no longer flagged. */
  'moderation/flagged': {
    request: z.object({ items: z.array(evidenceSchema).max(500), cleared: z.array(commentKeySchema).max(5000) }),
    response: z.object({ stored: z.number().int() }),
  },
  'moderation/not-violation': {
    request: z.object({
      evidence: evidenceSchema,
      scope: z.enum(['comment', 'word']),
      words: z.array(z.string().min(1).max(100)).max(20),
    }),
    response: z.object({ id: z.number() }),
  },
  /** «Я модерирую эту страницу»: flags on this page even when only registered pages are moderated. */
  'settings/moderate-page': {
    request: z.object({ pageKey: z.string().min(3).max(300) }),
    response: z.object({ ok: z.boolean() }),
  },
  /** «⚙ Настройки» in the page panel: a page cannot open the extension's options, the background can. */
  'options/open': {
    request: z.object({}),
    response: z.object({ opened: z.boolean() }),
  },
  /** Is this page registered, and how is its week of publications going (App. 2 §10). */
  'page/status': {
    request: z.object({
      page: pageSchema,
      oldestSeenAt: epochMs,
      scrolledPastMonday: z.boolean(),
    }),
    response: z.object({
      registered: z.boolean(),
      name: z.string().nullable(),
      summary: z
        .object({
          weekStart: z.number(),
          weekEnd: z.number(),
          count: z.number(),
          target: z.number(),
          left: z.number(),
          daysLeft: z.number(),
          perDayNeeded: z.number(),
          met: z.boolean(),
          complete: z.boolean(),
          coverage: z.enum(['whole', 'part', 'none']).optional(),
        })
        .nullable(),
    }),
  },
  /** «Добавить в реестр» on a page: the side panel opens with the form filled from the page. */
  'registry/draft': {
    request: z.object({ page: pageSchema }),
    response: z.object({ opened: z.boolean() }),
  },
  /** «Зарегистрировать сообщение» on a comment (App. 1 §4.2): the curator's T0 and categories. */
  'messages/register': {
    request: z.object({
      /** The comment it came from, where it is (lib/sites/types.ts originOf). */
      source: originSchema,
      topic: z.string().max(300),
      location: z.string().max(300),
      importance: z.enum(['normal', 'high']),
      receivedAt: z.number().int().min(0),
    }),
    response: z.object({ id: z.string(), existed: z.boolean() }),
  },
  /** Messages tied to comments on the page: what their badges say, and the approved reply to insert. */
  'messages/for-comments': {
    request: z.object({ keys: z.array(commentKeySchema).max(5000) }),
    response: z.object({
      items: z.array(
        z.object({
          commentKey: z.string(),
          id: z.string(),
          status: z.string(),
          statusTitle: z.string(),
          /** §6: high importance shortens every deadline; the badge says so. */
          importance: z.enum(['normal', 'high']),
          owner: z.string().nullable(),
          next: z.string().nullable(),
          urgency: z.enum(['overdue', 'soon', 'ok', 'none']),
          approvedText: z.string().nullable(),
          published: z.boolean(),
        }),
      ),
    }),
  },
  /** The page's own reply appeared under a tied comment: the message is published (§10). */
  'messages/published': {
    request: z.object({
      commentKey: commentKeySchema,
      url: url.nullable(),
      at: z.number().int().min(0),
      text: z.string().max(100_000),
    }),
    response: z.object({ id: z.string().nullable(), changed: z.boolean(), differs: z.boolean() }),
  },
} as const;

export type Protocol = typeof protocol;
export type RequestType = keyof Protocol;
export type RequestOf<T extends RequestType> = z.infer<Protocol[T]['request']>;
export type ResponseOf<T extends RequestType> = z.infer<Protocol[T]['response']>;

/** The envelope on the wire. */
export interface Envelope<T extends RequestType = RequestType> {
  otklik: 1;
  type: T;
  data: RequestOf<T>;
}

export type Reply<T> = Result<{ data: T }>;

export type Validated =
  | { ok: true; type: RequestType; data: unknown }
  | { ok: false; error: string };

/** Checks an incoming envelope; the reason is written for a log a person reads. */
export function validateEnvelope(raw: unknown): Validated {
  if (typeof raw !== 'object' || raw === null || (raw as { otklik?: unknown }).otklik !== 1) {
    return { ok: false, error: 'не сообщение Отклика' };
  }
  const { type, data } = raw as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(protocol, type)) {
    return { ok: false, error: `неизвестный тип сообщения: ${String(type).slice(0, 60)}` };
  }
  const parsed = protocol[type as RequestType].request.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'данные';
    return { ok: false, error: `${type}: ${where}: ${issue?.message ?? 'неверные данные'}` };
  }
  return { ok: true, type: type as RequestType, data: parsed.data };
}
