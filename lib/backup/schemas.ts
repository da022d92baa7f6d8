/**
 * Checks for every record of a backup. Loose objects: a field added to a record after this file was
 * written still travels through a backup untouched; a known field of the wrong type is refused.
 */
import { z } from 'zod';
import { ConflictSchema } from '../exchange/types';
import { evidenceSchema } from '../moderation/log';
import { registryEntrySchema } from '../registry/schema';
import { MessageSchema } from '../workflow/schema';
import { messageLinkProblem, siteAddressProblem } from './address';
import type { BackupTable } from './types';

export { messageLinkProblem, siteAddressProblem };

const site = z.enum(['vk', 'ok']);
const ms = z.number().int();
const str = z.string();
const nstr = z.string().nullable();

const checked = (problem: (value: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const reason = problem(value);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

/** An address on VK or OK, https. */
const siteUrl = checked(siteAddressProblem);
const messageLink = checked(messageLinkProblem);

export const PageSchema = z.looseObject({
  key: str.min(1),
  site,
  url: siteUrl,
  kind: z.enum(['wall', 'post', 'topic', 'other']),
  ownerId: nstr,
  name: nstr,
  firstSeen: ms,
  lastSeen: ms,
});

export const PostSchema = z.looseObject({
  key: str.min(1),
  pageKey: str,
  site,
  id: str,
  ownerId: nstr,
  authorId: nstr,
  authorName: nstr,
  publishedAt: ms.nullable(),
  text: str,
  pinned: z.boolean(),
  foreign: z.boolean(),
  repost: z.boolean(),
  permalink: siteUrl.nullable(),
  firstSeen: ms,
  lastSeen: ms,
});

export const CommentSchema = z.looseObject({
  key: str.min(1),
  pageKey: str,
  site,
  id: str,
  postId: nstr,
  parentId: nstr,
  authorId: nstr,
  authorName: nstr,
  authorUrl: siteUrl.nullable(),
  text: str,
  publishedAt: ms.nullable(),
  permalink: siteUrl.nullable(),
  own: z.boolean(),
  firstSeen: ms,
  lastSeen: ms,
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

export const TABLE_SCHEMAS: Record<BackupTable, z.ZodType> = {
  pages: PageSchema,
  posts: PostSchema,
  comments: CommentSchema,
  moderation: ModerationSchema,
  registry: registryEntrySchema,
  messages: MessageRecordSchema,
};

/** The primary key of each table, as Dexie declares it. */
export const TABLE_KEYS: Record<BackupTable, string> = {
  pages: 'key',
  posts: 'key',
  comments: 'key',
  moderation: 'id',
  registry: 'id',
  messages: 'id',
};

const AllowlistSchema = z.looseObject({ comments: z.array(str), words: z.array(str) });
export { AllowlistSchema };
