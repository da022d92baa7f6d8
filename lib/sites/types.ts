/** What every site adapter gives the content runtime: one normalised shape for VK and OK. */
import type { z } from 'zod';
import type { PageLooksSeen } from './figures';
import type { commentSchema, originSchema, pageSchema, postSchema } from './shapes';

/** The sites Otklik works on: one list; a new site is one entry here and an adapter. */
export const SITES = ['vk', 'ok'] as const;
export type Site = (typeof SITES)[number];
/** The sites' names as people write them. */
export const SITE_LABELS: Record<Site, string> = { vk: 'ВКонтакте', ok: 'Одноклассники' };

/** What a page is, as the panels name it. */
export const PAGE_KIND_LABELS: Record<PageKind, string> = {
  wall: 'стена',
  post: 'запись',
  topic: 'обсуждение',
  other: 'другая страница',
};

/** URL → page kind (STYLE.md: a pure function tested with a table of real URLs). */
export type PageKind = PageInfo['kind'];

/** The shapes are declared once, as zod schemas in ./shapes.ts; these are their types (no zod here). */
export type PageInfo = z.infer<typeof pageSchema>;
export type ParsedPost = z.infer<typeof postSchema>;
export type ParsedComment = z.infer<typeof commentSchema>;
/** A comment as the origin of a citizen's message or of a moderation log entry. */
export type CommentOrigin = z.infer<typeof originSchema>;

/** Inputs that parse functions take instead of reading the clock or the machine's zone. */
export interface ParseContext {
  /** The page address (location.href). */
  url: string;
  /** "Now" as unix milliseconds, for relative dates. */
  now: number;
  /** IANA zone in which dates are written (the viewer's), e.g. "Asia/Omsk", or LOCAL_ZONE for the browser's own. */
  timeZone: string;
  /** The page as parsed by pageInfo(), when known (gives the wall owner for VK comment ids). */
  page?: PageInfo;
}

export interface SiteAdapter {
  site: Site;
  /** Whether this adapter handles the address (host check). */
  matches(url: string): boolean;
  pageInfo(doc: Document, ctx: ParseContext): PageInfo;
  /** Cheap query: the comment elements inside root (root itself included if it is one). */
  commentElements(root: ParentNode): Element[];
  parseComment(el: Element, ctx: ParseContext): ParsedComment | null;
  postElements(root: ParentNode): Element[];
  parsePost(el: Element, ctx: ParseContext): ParsedPost | null;
  /**
   * Whether the page shows signs that comments should be there (a comment counter above zero, a
   * comment layout root) — used to say «страница изменилась: комментарии не найдены» when no
   * comment element matches. With ctx, the address decides the page kind (counters count only on
   * single-post and topic pages: walls keep comments folded behind them).
   */
  expectsComments(doc: Document, ctx?: ParseContext): boolean;
  /**
   * A comment element whose comment was deleted and replaced by the site's placeholder
   * («Комментарий удалён»). Such elements never parse as comments.
   */
  isDeletedPlaceholder?(el: Element): boolean;
  /** The id of the comment a placeholder replaced, when the markup still tells it. */
  deletedCommentId?(el: Element, ctx: ParseContext): string | null;
  /** The comment's «Ответить» control, null when the comment has none (e.g. comments are closed). */
  replyControl?(commentEl: Element): Element | null;
  /** The comment input (contenteditable) under root — a post, a topic layer or the whole page. */
  composer?(root: ParentNode): HTMLElement | null;
  /** The element holding the comment's text: badges go right after it, highlights inside it. */
  commentTextElement?(commentEl: Element): Element | null;
  /**
   * false where the site removes a deleted comment's block instead of showing a placeholder (OK):
   * there a flagged comment that leaves the page for good counts as deleted.
   */
  deletionLeavesPlaceholder?: boolean;
  /**
   * How many comments the site itself says the page's post or topic has (VK's counter in the post
   * footer, OK's discussion count); null where the page has no such counter. Only single-post and
   * topic pages: a wall's counters belong to folded comments.
   */
  commentCount?(doc: Document, ctx: ParseContext): number | null;
  /** Whether the page shows its description, cover and avatar (App. 2 §12): read on walls only. */
  pageLooks?(doc: Document): PageLooksSeen;
  /** The site's selector table (lib/sites/<site>/selectors.ts): the page check counts its matches. */
  selectors?: Readonly<Record<string, { css: string }>>;
}

/**
 * A page's key in the database and in settings: `vk:-123456` when the owner is known, else the
 * site and its address (a page whose owner the markup did not tell).
 */
export function pageKeyOf(page: Pick<PageInfo, 'site' | 'ownerId' | 'url'>): string {
  return `${page.site}:${page.ownerId ?? page.url}`;
}

/** A comment's key: `vk:-123456_1002` — the comments table's key, a message's commentRef, data-otklik-comment. */
export function commentKeyOf(c: { site: Site; id: string }): string {
  return `${c.site}:${c.id}`;
}

/** A post's key: `vk:-123456_1001` — the posts table's key. */
export const postKeyOf: (p: { site: Site; id: string }) => string = commentKeyOf;

/** The comment as the origin of what is stored about it: the page it is on, its own fields, its key. */
export function originOf(page: PageInfo, c: ParsedComment): CommentOrigin {
  return {
    site: c.site,
    pageKey: pageKeyOf(page),
    pageUrl: page.url,
    pageName: page.name,
    postId: c.postId,
    commentKey: commentKeyOf(c),
    commentId: c.id,
    permalink: c.permalink,
    authorId: c.authorId,
    authorName: c.authorName,
    authorUrl: c.authorUrl,
    text: c.text,
    publishedAt: c.publishedAt,
  };
}
