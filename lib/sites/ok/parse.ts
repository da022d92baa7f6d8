import { okPostFigures } from './figures';
import { parseRuDate } from '../dates';
import { absoluteUrl, jsonAttr, lineText, pathOf, plainText, queryWithSelf, sameAddress } from '../dom';
import type { PageInfo, ParseContext, ParsedComment, ParsedPost } from '../types';
import { OK_ORIGIN, parseOkUrl, type UrlInfo } from '../url';
import { OK } from './selectors';

// Compiled once: these run for every comment of a 2,000-comment batch.
const OWNER_PATH = /^\/(?:profile|group)\/(\d+)(?:\/|$)|^\/group(\d+)(?:\/|$)/;
const FIRST_NUMBER = /\d+/;
const TITLE_SUFFIX = /\s*\|\s*(?:OK|ОК|Одноклассники)\s*$/;
const DELETED_TEXT = /Комментарий удал[её]н|Comment deleted/;

let lastUrl: string | null = null;
let lastUrlInfo: UrlInfo | null = null;
/** The runtime passes the same ctx.url for a whole batch: parse it once. */
function urlInfo(url: string): UrlInfo | null {
  if (url !== lastUrl) {
    lastUrl = url;
    lastUrlInfo = parseOkUrl(url);
  }
  return lastUrlInfo;
}

/** /profile/590000000001 → "590000000001", /group/700… → "700…"; null for short names. */
export function okIdFromHref(href: string | null | undefined): string | null {
  const path = pathOf(href);
  const m = path === null ? null : OWNER_PATH.exec(path);
  return m ? (m[1] ?? m[2]) : null;
}

function field(obj: unknown, ...path: string[]): unknown {
  let at = obj;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function stringField(obj: unknown, ...path: string[]): string | null {
  const v = field(obj, ...path);
  return typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : null;
}

/** data-seen-params carries the comment id as {"data":{"commentId":…}} (older builds: top-level). */
function commentIdOf(el: Element): string | null {
  const seen = jsonAttr(el, 'data-seen-params');
  return stringField(seen, 'data', 'commentId') ?? stringField(seen, 'commentId');
}

function pageOwner(ctx: ParseContext): string | null {
  return ctx.page?.ownerId ?? urlInfo(ctx.url)?.ownerId ?? null;
}

function pageOwnerUrl(ctx: ParseContext): string | null {
  return ctx.page?.ownerUrl ?? urlInfo(ctx.url)?.ownerUrl ?? null;
}

/** The topic a comment or card belongs to: a feed card names it; the topic layer is the page's topic. */
function topicIdOf(post: Element | null, ctx: ParseContext): string | null {
  if (post && post.matches(OK.feedCard.css)) {
    const seen = jsonAttr(post, 'data-seen-params');
    return stringField(seen, 'topicId') ?? stringField(seen, 'data', 'topicId');
  }
  return ctx.page?.postId ?? urlInfo(ctx.url)?.postId ?? null;
}

function topicUrl(topicId: string | null, ctx: ParseContext): string | null {
  if (!topicId) return null;
  const info = urlInfo(ctx.url);
  if (info?.kind === 'topic' && info.postId === topicId) return info.url;
  const base = pageOwnerUrl(ctx) ?? (pageOwner(ctx) ? `${OK_ORIGIN}/group/${pageOwner(ctx)}` : null);
  return base ? `${base}/topic/${topicId}` : null;
}

export function okCommentElements(root: ParentNode): Element[] {
  return queryWithSelf(root, OK.comment.css);
}

export function parseOkComment(el: Element, ctx: ParseContext): ParsedComment | null {
  const id = commentIdOf(el);
  const author = el.querySelector(OK.commentAuthor.css);
  // A placeholder keeps its id but has no author, or is marked deleted: it is not a comment any more.
  if (!id || !author || isMarkedDeleted(el)) return null;

  const href = author.getAttribute('href');
  const authorId = okIdFromHref(href);
  const authorUrl = absoluteUrl(href, OK_ORIGIN);
  const owner = pageOwner(ctx);
  const ownerUrl = pageOwnerUrl(ctx);
  const postId = topicIdOf(el.closest(OK.post.css), ctx);

  const stamp = Number(el.getAttribute('data-time'));
  const publishedAt =
    stamp > 0 ? stamp : parseRuDate(lineText(el.querySelector(OK.commentDate.css)), ctx.now, ctx.timeZone);

  return {
    site: 'ok',
    id,
    postId,
    parentId: el.querySelector(OK.replyTarget.css)?.getAttribute('data-rid') || null,
    authorId,
    authorName: lineText(author) || null,
    authorUrl,
    text: plainText(okCommentTextElement(el)),
    publishedAt,
    // OK has no per-comment address; the topic is where the comment is found.
    permalink: topicUrl(postId, ctx),
    own: (authorId !== null && authorId === owner) || sameAddress(authorUrl, ownerUrl),
  };
}

function isMarkedDeleted(el: Element): boolean {
  return el.matches(OK.deleted.css) || el.querySelector(OK.deleted.css) !== null;
}

export function isOkDeletedPlaceholder(el: Element): boolean {
  if (!el.matches(OK.comment.css)) return false;
  if (isMarkedDeleted(el)) return true;
  if (el.querySelector(OK.commentAuthor.css)) return false;
  return DELETED_TEXT.test(el.textContent ?? '');
}

export function okDeletedCommentId(el: Element): string | null {
  return commentIdOf(el);
}

export function okPostElements(root: ParentNode): Element[] {
  return queryWithSelf(root, OK.post.css);
}

export function parseOkPost(el: Element, ctx: ParseContext): ParsedPost | null {
  const id = topicIdOf(el, ctx);
  if (!id) return null;

  const authorEl = el.querySelector(OK.postAuthorData.css);
  const data = authorEl ? jsonAttr(authorEl, 'data') : null;
  const link = el.querySelector(OK.postAuthorLink.css);
  const authorHref = stringField(data, 'group', 'href') ?? link?.getAttribute('href') ?? null;
  const authorId = okIdFromHref(authorHref);
  const owner = pageOwner(ctx);
  const ownerUrl = pageOwnerUrl(ctx);

  let publishedAt: number | null = null;
  const iso =
    el.querySelector(OK.postPublished.css)?.getAttribute('content') ?? stringField(data, 'timeInfo', 'createTime');
  if (iso) {
    const t = Date.parse(iso);
    publishedAt = Number.isNaN(t) ? null : t;
  }
  if (publishedAt === null) {
    publishedAt = parseRuDate(lineText(el.querySelector(OK.postDate.css)), ctx.now, ctx.timeZone);
  }

  const byOwner =
    (authorId !== null && authorId === owner) || sameAddress(absoluteUrl(authorHref, OK_ORIGIN), ownerUrl);
  return {
    site: 'ok',
    id,
    ownerId: owner ?? authorId,
    authorId,
    authorName: stringField(data, 'group', 'name') ?? (lineText(link) || null),
    publishedAt,
    text: plainText(el.querySelector(OK.postText.css)),
    pinned: false,
    foreign: owner !== null && authorHref !== null && !byOwner,
    repost: false,
    permalink: topicUrl(id, ctx),
    figures: okPostFigures(el),
  };
}

export function okPageInfo(doc: Document, ctx: ParseContext): PageInfo {
  const info = urlInfo(ctx.url);
  const kind = info?.kind ?? 'other';
  const authorEl = doc.querySelector(OK.postAuthorData.css);
  const authorData = authorEl ? jsonAttr(authorEl, 'data') : null;

  let ownerId = info?.ownerId ?? null;
  if (!ownerId && kind !== 'other') {
    ownerId =
      okIdFromHref(stringField(authorData, 'group', 'href')) ??
      okIdFromHref(doc.querySelector(OK.postAuthorLink.css)?.getAttribute('href'));
  }

  const name =
    lineText(doc.querySelector(OK.pageName.css)) ||
    stringField(authorData, 'group', 'name') ||
    (doc.title ?? '').replace(TITLE_SUFFIX, '').trim() ||
    null;

  return {
    site: 'ok',
    url: info?.url ?? ctx.url,
    kind,
    ownerId,
    name: kind === 'other' ? null : name,
    ownerUrl: info?.ownerUrl ?? null,
    postId: info?.postId ?? null,
  };
}

/**
 * Whether comments should be visible: a non-empty comment list, or a counter above zero on a
 * topic page. Feed cards show counters with the comments folded, so those promise nothing.
 */
export function okExpectsComments(doc: Document, ctx?: ParseContext): boolean {
  for (const list of doc.querySelectorAll(OK.commentsLayout.css)) {
    if ((list.firstElementChild?.childElementCount ?? 0) > 0 || list.querySelector(OK.comment.css)) return true;
  }
  // Without ctx the document's own address tells the kind (about:blank in parsed documents).
  const kind = urlInfo(ctx?.url ?? doc.URL)?.kind ?? null;
  if (kind && kind !== 'topic') return false;
  for (const counter of doc.querySelectorAll(OK.commentCounter.css)) {
    const m = FIRST_NUMBER.exec(counter.getAttribute('data-count') ?? '');
    if (m && Number(m[0]) > 0) return true;
  }
  return false;
}

export function okCommentTextElement(commentEl: Element): Element | null {
  return commentEl.querySelector(OK.commentText.css) ?? commentEl.querySelector(OK.commentTextOld.css);
}

export function okReplyControl(commentEl: Element): Element | null {
  return commentEl.querySelector(OK.replyControl.css);
}

export function okComposer(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>(OK.composer.css);
}

/** The site's own comment count on a topic page: the discussion block's data-count. */
export function okCommentCount(doc: Document, ctx: ParseContext): number | null {
  if (urlInfo(ctx.url)?.kind !== 'topic') return null;
  const counter = doc.querySelector(OK.commentCounter.css);
  const m = counter ? FIRST_NUMBER.exec(counter.getAttribute('data-count') ?? '') : null;
  return m ? Number(m[0]) : null;
}
