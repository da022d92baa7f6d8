/** What every site adapter gives the content runtime: one normalised shape for VK and OK. */
import type { PageLooksSeen, PostFigures } from './figures';

export type Site = 'vk' | 'ok';

/** URL → page kind (STYLE.md: a pure function tested with a table of real URLs). */
export type PageKind = 'wall' | 'post' | 'topic' | 'other';

export interface PageInfo {
  site: Site;
  /** Canonical address of the page (no query noise), e.g. https://vk.com/club123456 */
  url: string;
  kind: PageKind;
  /** VK: numeric owner id, negative for communities ("-123456"); OK: group/profile id. null when unknown. */
  ownerId: string | null;
  /** The page's name as shown on it ("Администрация города"), null when not found. */
  name: string | null;
  /**
   * The page's own address as its links write it (https://vk.com/gov_city), when known. Comments
   * signed only with a short-name link are recognised as the page's own by it.
   */
  ownerUrl?: string | null;
  /** VK: "-123456_1001" on a single-post page; OK: the topic id on a topic page. */
  postId?: string | null;
  /** A wall's description, cover and avatar as shown (App. 2 §12): added when the page is sent (SiteAdapter.pageLooks). */
  looks?: PageLooksSeen;
}

export interface ParsedPost {
  site: Site;
  /** VK: "-123456_1001" (owner_post); OK: the topic id. */
  id: string;
  ownerId: string | null;
  authorId: string | null;
  authorName: string | null;
  /** Unix milliseconds, or null when the date could not be read. */
  publishedAt: number | null;
  text: string;
  pinned: boolean;
  /** An ad or a post of another owner shown on this page: never counted as a publication. */
  foreign: boolean;
  /** The page's repost of someone else's post (counted once, as the page's publication). */
  repost: boolean;
  permalink: string | null;
  /** The footer's counts at this visit (views, likes, comments, reposts); absent where none is shown. */
  figures?: PostFigures | null;
}

export interface ParsedComment {
  site: Site;
  /** Site-unique id: VK "-123456_1002" (wall owner _ reply number), OK the id from data-seen-params. */
  id: string;
  postId: string | null;
  /** The comment this one replies to (VK: the thread root), null for top-level comments. */
  parentId: string | null;
  authorId: string | null;
  authorName: string | null;
  authorUrl: string | null;
  /** Plain text, as text (never HTML). */
  text: string;
  /** Unix milliseconds, or null when the date could not be read. */
  publishedAt: number | null;
  permalink: string | null;
  /** Written by the page itself (the administration's own reply). */
  own: boolean;
}

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
