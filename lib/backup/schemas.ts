/**
 * Checks for every record of a backup. Loose objects: a field added to a record after this file was
 * written still travels through a backup untouched; a known field of the wrong type is refused.
 */
import { z } from 'zod';
import { ConflictSchema } from '../exchange/types';
import { evidenceSchema } from '../moderation/log';
import { registryEntrySchema } from '../registry/schema';
import { MessageSchema } from '../workflow/schema';
import type { BackupTable } from './types';

const site = z.enum(['vk', 'ok']);
const ms = z.number().int();
const str = z.string();
const nstr = z.string().nullable();

export const PageSchema = z.looseObject({
  key: str.min(1),
  site,
  url: str,
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
  permalink: nstr,
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
  authorUrl: nstr,
  text: str,
  publishedAt: ms.nullable(),
  permalink: nstr,
  own: z.boolean(),
  firstSeen: ms,
  lastSeen: ms,
});

export const ModerationSchema = z.looseObject({
  ...evidenceSchema.shape,
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
  pageUrl: nstr,
  postId: nstr,
  commentId: nstr,
  permalink: nstr,
  authorId: nstr,
  authorUrl: nstr,
  writtenAt: ms.nullable(),
});

/** The workflow's message with the fields Otklik stores around it (lib/messages/types.ts). */
export const MessageRecordSchema = z.looseObject({
  ...MessageSchema.shape,
  source: SourceSchema,
  importKey: nstr,
  workingDraft: str,
  publication: z.object({ url: nstr, at: ms, text: str, differs: z.boolean() }).optional(),
  createdAt: ms,
  updatedAt: ms,
  conflict: ConflictSchema.optional(),
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
