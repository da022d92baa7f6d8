/**
 * Checks for every record of a backup. Loose objects: a field added to a record after this file was
 * written still travels through a backup untouched; a known field of the wrong type is refused.
 */
import { z } from 'zod';
import { ConflictSchema } from '../exchange/types';
import { evidenceSchema } from '../moderation/log';
import { registryEntrySchema } from '../registry/schema';
import { PublicationEventSchema } from '../publications/schema';
import { MessageSchema } from '../workflow/schema';
import { messageLinkProblem, siteAddressProblem } from '../sites/address';
import { commentSchema, pageSchema, postSchema, siteUrl } from '../sites/shapes';
import type { BackupTable } from './types';

export { messageLinkProblem, siteAddressProblem };

const ms = z.number().int();
const str = z.string();
const nstr = z.string().nullable();

const checked = (problem: (value: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const reason = problem(value);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

const messageLink = checked(messageLinkProblem);

/** Where and when Otklik saw a page, post or comment (lib/db/schema.ts). */
const seen = { key: str.min(1), firstSeen: ms, lastSeen: ms };

export const PageSchema = z.looseObject({
  ...pageSchema.pick({ site: true, kind: true, ownerId: true, name: true }).shape,
  url: siteUrl,
  ...seen,
});

export const PostSchema = z.looseObject({
  ...postSchema.shape,
  permalink: siteUrl.nullable(),
  pageKey: str,
  ...seen,
});

export const CommentSchema = z.looseObject({
  ...commentSchema.shape,
  authorUrl: siteUrl.nullable(),
  permalink: siteUrl.nullable(),
  pageKey: str,
  ...seen,
});

export const ModerationSchema = z.looseObject({
  ...evidenceSchema.shape,
  pageUrl: siteUrl,
  permalink: siteUrl.nullable(),
  authorUrl: siteUrl.nullable(),
  id: z.number().int().positive(),
  action: z.enum(['deleted', 'not-violation']),
  how: z.enum(['detected', 'manual']),
  scope: z.enum(['comment', 'word']).nullable(),
  at: ms,
  recordedBy: str,
});

export const SourceSchema = z.looseObject({
  pageKey: nstr,
  pageName: nstr,
  pageUrl: siteUrl.nullable(),
  postId: nstr,
  commentId: nstr,
  permalink: messageLink.nullable(),
  authorId: nstr,
  authorUrl: siteUrl.nullable(),
  writtenAt: ms.nullable(),
});

/** The workflow's message with the fields Otklik stores around it (lib/messages/types.ts). */
export const MessageRecordSchema = z
  .looseObject({
    ...MessageSchema.shape,
    url: messageLink.optional(),
    source: SourceSchema,
    importKey: nstr,
    workingDraft: str,
    publication: z.object({ url: messageLink.nullable(), at: ms, text: str, differs: z.boolean() }).optional(),
    createdAt: ms,
    updatedAt: ms,
    conflict: ConflictSchema.optional(),
  })
  .superRefine((record, ctx) => {
    // The reply's link in a «published» event is rendered on the card like the others.
    record.events.forEach((e, i) => {
      const url = e.type === 'published' ? e.payload.url : undefined;
      const reason = url === undefined ? null : messageLinkProblem(url);
      if (reason) ctx.addIssue({ code: 'custom', path: ['events', i, 'payload', 'url'], message: reason });
    });
  });

/** A request's event as stored: its lasting id is how two copies of the history are joined. */
const StoredPublicationEvent = PublicationEventSchema.and(z.looseObject({ id: str.min(1, 'у события нет постоянного идентификатора').max(100) }));

/** Why a published event's link is not one to render, or null. */
function publishedLinkIssue(e: { type: string; payload: unknown }): string | null {
  const url = e.type === 'published' ? (e.payload as { url?: unknown }).url : null;
  return typeof url === 'string' ? messageLinkProblem(url) : null;
}

/** A publication request with its whole history (lib/publications/schema.ts), the links checked. */
export const PublicationRecordSchema = z
  .looseObject({
    id: str.min(1).max(100),
    events: z.array(StoredPublicationEvent).min(1).max(500),
    order: z.record(str, z.number()).optional(),
    refused: z.array(z.looseObject({ event: StoredPublicationEvent, error: str })).optional(),
    createdAt: ms,
    updatedAt: ms,
  })
  .superRefine((record, ctx) => {
    record.events.forEach((e, i) => {
      const reason = publishedLinkIssue(e);
      if (reason) ctx.addIssue({ code: 'custom', path: ['events', i, 'payload', 'url'], message: reason });
    });
    record.refused?.forEach((r, i) => {
      const reason = publishedLinkIssue(r.event);
      if (reason) ctx.addIssue({ code: 'custom', path: ['refused', i, 'event', 'payload', 'url'], message: reason });
    });
  });

const DocumentRefSchema = z.looseObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'дата в виде гггг-мм-дд'), number: str.max(100) });

/** §4: the head's decision and the department of information policy's approval, by registry entry. */
export const PageFoundingSchema = z.looseObject({
  entryId: str.min(1),
  decision: DocumentRefSchema.nullable(),
  approval: DocumentRefSchema.nullable(),
  updatedAt: ms,
});

const count = z.number().int().min(0).nullable();

/** What a post's footer said at one visit. */
export const PostStatsSchema = z.looseObject({
  id: z.number().int().positive(),
  postKey: str.min(1),
  pageKey: str,
  at: ms,
  views: count,
  likes: count,
  comments: count,
  reposts: count,
});

/** What a live page showed of its description, cover and avatar. */
export const PageLooksSchema = z.looseObject({
  pageKey: str.min(1),
  at: ms,
  description: z.boolean(),
  cover: z.boolean(),
  avatar: z.boolean(),
});

export const TABLE_SCHEMAS: Record<BackupTable, z.ZodType> = {
  pages: PageSchema,
  posts: PostSchema,
  comments: CommentSchema,
  moderation: ModerationSchema,
  registry: registryEntrySchema,
  messages: MessageRecordSchema,
  publications: PublicationRecordSchema,
  pageFounding: PageFoundingSchema,
  postStats: PostStatsSchema,
  pageLooks: PageLooksSchema,
};

/** The primary key of each table, as Dexie declares it. */
export const TABLE_KEYS: Record<BackupTable, string> = {
  pages: 'key',
  posts: 'key',
  comments: 'key',
  moderation: 'id',
  registry: 'id',
  messages: 'id',
  publications: 'id',
  pageFounding: 'entryId',
  postStats: 'id',
  pageLooks: 'pageKey',
};

const AllowlistSchema = z.looseObject({ comments: z.array(str), words: z.array(str) });
export { AllowlistSchema };
