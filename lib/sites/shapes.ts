/**
 * The shapes of what Otklik reads from VK and OK, declared once: a page, a post, a comment, and a
 * comment as the origin of something stored about it (a citizen's message, a moderation log entry).
 * The types in ./types.ts are inferred from these, so the content scripts import only types and ship
 * no zod; the protocol (lib/protocol/index.ts), the database records (lib/db/schema.ts) and the
 * backup's checks (lib/backup/schemas.ts) extend them.
 */
import { z } from 'zod';
import { siteAddressProblem } from './address';
import { SITES } from './types';

export const siteSchema = z.enum(SITES);

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => text(max).nullable();
/** Unix milliseconds, null when the date could not be read. */
export const epochMs = z.number().int().min(0).max(8_640_000_000_000).nullable();
const https = z.string().max(2048).regex(/^https:\/\//, 'адрес должен начинаться с https://');

/** An https address on VK or OK: what is rendered as a link. */
export const siteUrl = z
  .string()
  .max(2048)
  .superRefine((value, ctx) => {
    const problem = siteAddressProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/** A comment's or its author's link that is no such address is dropped; what it belongs to is kept. */
export const siteLinkOrNone = siteUrl.nullable().catch(null);

/** §12: what the live page shows of its text description and visual design. */
export const pageLooksSchema = z.object({ description: z.boolean(), cover: z.boolean(), avatar: z.boolean() });

const count = z.number().int().min(0).max(1e12).nullable();
/** A post's footer at one visit (App. 2 §10); null where the footer shows no such count. */
export const postFiguresSchema = z.object({ views: count, likes: count, comments: count, reposts: count });

export const pageSchema = z.object({
  site: siteSchema,
  /** Canonical address of the page (no query noise), e.g. https://vk.com/club123456 */
  url: https,
  kind: z.enum(['wall', 'post', 'topic', 'other']),
  /** VK: numeric owner id, negative for communities ("-123456"); OK: group/profile id. null when unknown. */
  ownerId: nullableText(64),
  /** The page's name as shown on it ("Администрация города"), null when not found. */
  name: nullableText(500),
  /**
   * The page's own address as its links write it (https://vk.com/gov_city), when known. Comments
   * signed only with a short-name link are recognised as the page's own by it.
   */
  ownerUrl: https.nullable().optional(),
  /** VK: "-123456_1001" on a single-post page; OK: the topic id on a topic page. */
  postId: nullableText(128).optional(),
  /** A wall's description, cover and avatar as shown (App. 2 §12): added when the page is sent. */
  looks: pageLooksSchema.optional(),
});

export const postSchema = z.object({
  site: siteSchema,
  /** VK: "-123456_1001" (owner_post); OK: the topic id. */
  id: text(128).min(1),
  ownerId: nullableText(64),
  authorId: nullableText(128),
  authorName: nullableText(500),
  publishedAt: epochMs,
  text: text(100_000),
  pinned: z.boolean(),
  /** An ad or a post of another owner shown on this page: never counted as a publication. */
  foreign: z.boolean(),
  /** The page's repost of someone else's post (counted once, as the page's publication). */
  repost: z.boolean(),
  permalink: https.nullable(),
  /** The footer's counts at this visit (views, likes, comments, reposts); absent where none is shown. */
  figures: postFiguresSchema.nullable().optional(),
});

export const commentSchema = z.object({
  site: siteSchema,
  /** Site-unique id: VK "-123456_1002" (wall owner _ reply number), OK the id from data-seen-params. */
  id: text(128).min(1),
  postId: nullableText(128),
  /** The comment this one replies to (VK: the thread root), null for top-level comments. */
  parentId: nullableText(128),
  authorId: nullableText(128),
  authorName: nullableText(500),
  authorUrl: https.nullable(),
  /** Plain text, as text (never HTML). */
  text: text(100_000),
  publishedAt: epochMs,
  permalink: https.nullable(),
  /** Written by the page itself (the administration's own reply). */
  own: z.boolean(),
});

/** A comment key: `vk:-123456_1002`, the value of data-otklik-comment (lib/sites/types.ts commentKeyOf). */
export const commentKeySchema = text(200).min(3);

/**
 * A comment as the origin of what is stored about it — the page it is on, the comment's own fields,
 * its key. A citizen's message registered on a comment and a moderation log entry's evidence both
 * start from it (lib/sites/types.ts originOf builds it on the page).
 */
export const originSchema = z.object({
  site: siteSchema,
  pageKey: text(300),
  pageUrl: siteUrl,
  pageName: pageSchema.shape.name,
  postId: commentSchema.shape.postId,
  commentKey: commentKeySchema,
  commentId: commentSchema.shape.id,
  permalink: siteLinkOrNone,
  authorId: commentSchema.shape.authorId,
  authorName: commentSchema.shape.authorName,
  authorUrl: siteLinkOrNone,
  text: commentSchema.shape.text,
  publishedAt: commentSchema.shape.publishedAt,
});
