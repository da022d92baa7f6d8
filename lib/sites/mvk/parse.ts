/**
 * m.vk.com: its own server-rendered markup (lib/sites/mvk/selectors.ts), read into the same shapes
 * and the same ids as vk.com (`vk:-123456_1302`), so a comment registered, flagged or logged on a
 * phone is the same comment on the desktop site. Pages VK serves on m.vk.com in its React UI or
 * classic markup are read by the desktop parser (lib/sites/vk/parse.ts).
 */
import { parseRuDate } from '../dates';
import { absoluteUrl, lineText, ownQuerier, pathOf, plainText, queryWithSelf, sameAddress, type Querier } from '../dom';
import type { PageInfo, ParseContext, ParsedComment, ParsedPost } from '../types';
import { VK_ORIGIN } from '../url';
import {
  cachedUrlInfo,
  idFromHref,
  pageOwner,
  isVkDeletedPlaceholder,
  parseVkComment,
  parseVkPost,
  commentIdFrom,
  itemIdFrom,
  readDateLink,
  vkCommentTextElement,
  vkComposer,
  vkDeletedCommentId,
  vkExpectsComments,
  vkPageInfo,
  vkReplyControl,
} from '../vk/parse';
import { VK } from '../vk/selectors';
import { MVK } from './selectors';

/** `wall_reply-123456_1302`: the wall owner and the comment number. */
const ITEM_ID = /^wall_reply(-?\d+)_(\d+)$/;
/** `RepliesThread1302`: the thread's root comment. */
const THREAD_ID = /^RepliesThread(\d+)$/;
/** `Replies.replyTo(this, -123456, 1302, 111)`: the last argument is the author (gosvon highlighter). */
const REPLY_TO_AUTHOR = /replyTo\([^)]*?,\s*(-?\d+)\s*\)/;
const WALL_POST = /\/wall(-?\d+_\d+)(?:[/?#]|$)/;
const OFFSET_PARAM = /[?&]offset=\d+/;
const REPLY_PARAM = /[?&]reply=(\d+)/;
const DELETED_TEXT = /Комментарий удал[её]н|Comment deleted/;
const AD_LABEL = /^(?:Реклама|Рекламная запись|Ad|Sponsored)$/;
const M_HOST = /^https?:\/\/m\.vk\.(?:com|ru)(?=\/)/;
/** Labels of a field that takes a comment (placeholder, aria-label, name): not a search box. */
const COMPOSER_LABEL = /коммент|ответ|сообщени|напиш|comment|reply|message/i;

// The comments of both markups, and the posts, as one query each.
const ANY_COMMENT = `${MVK.comment.css}, ${VK.comment.css}`;
const ANY_POST = `${MVK.post.css}, ${VK.post.css}`;

function isMobileComment(el: Element): boolean {
  return el.matches(MVK.comment.css);
}

function isMobilePost(el: Element): boolean {
  return el.matches(MVK.post.css);
}

/** m.vk.com links point at m.vk.com; the extension's addresses are vk.com's (one key a page). */
function mainHost(url: string | null): string | null {
  return url ? url.replace(M_HOST, VK_ORIGIN) : null;
}

/** The thread root a reply belongs to when its date link has no `thread=` (LR's order of evidence). */
function structuralParent(el: Element, selfId: string, ctx: ParseContext): string | null {
  // Inside `RepliesThread<root>`
  const thread = el.parentElement?.closest(MVK.thread.css);
  const fromThread = thread ? THREAD_ID.exec(thread.id)?.[1] : undefined;
  if (fromThread && fromThread !== selfId) return fromThread;
  // Nested in another item
  const outer = el.parentElement?.closest(MVK.comment.css);
  if (outer) {
    const id = ITEM_ID.exec(outer.id)?.[2] ?? readDateLink(ownQuerier(outer, MVK.comment.css)(MVK.commentDate.css))?.reply;
    if (id && id !== selfId) return id;
  }
  // A thread's own page (`?offset=N&reply=<root>`): everything but the root replies to it
  if (OFFSET_PARAM.test(ctx.url)) {
    const root = REPLY_PARAM.exec(ctx.url)?.[1];
    if (root && root !== selfId) return root;
  }
  return null;
}

function mobileCommentText(own: Querier): Element | null {
  return own(MVK.commentText.css) ?? own(MVK.commentBody.css);
}

function parseMobileComment(el: Element, ctx: ParseContext): ParsedComment | null {
  const own = ownQuerier(el, MVK.comment.css);
  const author = own(MVK.commentAuthor.css);
  // A deleted item keeps its id but has no author: it is not a comment any more.
  if (!author || el.matches(MVK.deleted.css)) return null;
  const dateEl = own(MVK.commentDate.css);
  const date = readDateLink(dateEl);
  const item = ITEM_ID.exec(el.id);
  const owner = date?.owner ?? item?.[1] ?? null;
  const reply = date?.reply ?? item?.[2] ?? null;
  if (owner === null || reply === null) return null;
  const postId = date ? itemIdFrom(date) : (ctx.page?.postId ?? cachedUrlInfo(ctx.url)?.postId ?? null);

  let parent: string | null = null;
  if (date?.thread && date.thread !== reply) parent = date.thread;
  else if (!date?.thread) parent = structuralParent(el, reply, ctx);

  const href = author.getAttribute('href');
  const action = own(MVK.replyControl.css)?.getAttribute('onclick') ?? '';
  const authorId = idFromHref(href) ?? REPLY_TO_AUTHOR.exec(action)?.[1] ?? null;
  const authorUrl = mainHost(absoluteUrl(href, VK_ORIGIN));
  const pageOwnerId = pageOwner(ctx) ?? owner;
  const ownerUrl = ctx.page?.ownerUrl ?? null;

  const dateText = lineText(dateEl ?? own(MVK.commentDateText.css));
  const idOf = (n: string) => (date ? commentIdFrom(date, n) : `${owner}_${n}`);
  return {
    site: 'vk',
    id: idOf(reply),
    postId,
    parentId: parent ? idOf(parent) : null,
    authorId,
    authorName: lineText(author) || null,
    authorUrl,
    text: plainText(mobileCommentText(own)),
    publishedAt: dateText ? parseRuDate(dateText, ctx.now, ctx.timeZone) : null,
    permalink: date ? mainHost(absoluteUrl(date.href, VK_ORIGIN)) : postId ? `${VK_ORIGIN}/wall${postId}?reply=${reply}` : null,
    own: (authorId !== null && authorId === pageOwnerId) || sameAddress(authorUrl, ownerUrl),
  };
}

export function mvkCommentElements(root: ParentNode): Element[] {
  return queryWithSelf(root, ANY_COMMENT);
}

export function parseMvkComment(el: Element, ctx: ParseContext): ParsedComment | null {
  return isMobileComment(el) ? parseMobileComment(el, ctx) : parseVkComment(el, ctx);
}

export function isMvkDeletedPlaceholder(el: Element): boolean {
  if (!isMobileComment(el)) return isVkDeletedPlaceholder(el);
  if (el.matches(MVK.deleted.css)) return true;
  const own = ownQuerier(el, MVK.comment.css);
  if (own(MVK.commentAuthor.css)) return false;
  return DELETED_TEXT.test(el.textContent ?? '');
}

export function mvkDeletedCommentId(el: Element, ctx: ParseContext): string | null {
  if (!isMobileComment(el)) return vkDeletedCommentId(el, ctx);
  const item = ITEM_ID.exec(el.id);
  return item ? `${item[1]}_${item[2]}` : null;
}

export function mvkCommentTextElement(el: Element): Element | null {
  return isMobileComment(el) ? mobileCommentText(ownQuerier(el, MVK.comment.css)) : vkCommentTextElement(el);
}

export function mvkReplyControl(el: Element): Element | null {
  return isMobileComment(el) ? ownQuerier(el, MVK.comment.css)(MVK.replyControl.css) : vkReplyControl(el);
}

// --- posts ---

function mobilePostId(el: Element): string | null {
  const data = el.getAttribute('data-post-id');
  if (data && /^-?\d+_\d+$/.test(data)) return data;
  for (const link of [el.querySelector(MVK.postDate.css), ...el.querySelectorAll(MVK.postLink.css)]) {
    const path = pathOf(link?.getAttribute('href'));
    const m = path ? WALL_POST.exec(path) : null;
    if (m) return m[1]!;
  }
  return null;
}

function parseMobilePost(el: Element, ctx: ParseContext): ParsedPost | null {
  const id = mobilePostId(el);
  if (!id) return null;
  const ownerId = id.slice(0, id.indexOf('_'));
  const header = el.querySelector(MVK.postAuthor.css);
  const authorHref = header?.getAttribute('href') ?? null;
  const authorId = idFromHref(authorHref) ?? ownerId;
  const dateText = lineText(el.querySelector(MVK.postDate.css));
  const ad = AD_LABEL.test(dateText);
  const owner = pageOwner(ctx);
  return {
    site: 'vk',
    id,
    ownerId,
    authorId,
    authorName: lineText(header) || null,
    publishedAt: ad ? null : parseRuDate(dateText, ctx.now, ctx.timeZone),
    text: plainText(el.querySelector(MVK.postText.css)),
    pinned: false,
    foreign: ad || (owner !== null && ownerId !== owner),
    repost: false,
    permalink: `${VK_ORIGIN}/wall${id}`,
  };
}

export function mvkPostElements(root: ParentNode): Element[] {
  return queryWithSelf(root, ANY_POST).filter((el) => isMobilePost(el) || el.matches(VK.post.css));
}

export function parseMvkPost(el: Element, ctx: ParseContext): ParsedPost | null {
  return isMobilePost(el) ? parseMobilePost(el, ctx) : parseVkPost(el, ctx);
}

// --- the page ---

export function mvkPageInfo(doc: Document, ctx: ParseContext): PageInfo {
  const base = vkPageInfo(doc, ctx);
  const posts = Array.from(doc.querySelectorAll(MVK.post.css));
  if (!posts.length) return base;

  let ownerId = base.ownerId;
  if (!ownerId && base.kind !== 'other') {
    // The wall's owner is the one most of its posts belong to (an ad is another owner's).
    const tally = new Map<string, number>();
    for (const post of posts) {
      const id = mobilePostId(post);
      if (id) tally.set(id.slice(0, id.indexOf('_')), (tally.get(id.slice(0, id.indexOf('_'))) ?? 0) + 1);
    }
    let best = 0;
    for (const [id, n] of tally) if (n > best) [ownerId, best] = [id, n];
  }
  const ownPost = ownerId ? posts.find((p) => mobilePostId(p)?.startsWith(`${ownerId}_`)) : undefined;
  const header = ownPost?.querySelector(MVK.postAuthor.css) ?? null;
  // On a post's page the title is the post's first words, not the page's name.
  const name = lineText(doc.querySelector(VK.pageName.css)) || lineText(header) || base.name;
  const ownerUrl = mainHost(absoluteUrl(header?.getAttribute('href'), VK_ORIGIN)) ?? base.ownerUrl ?? null;
  return { ...base, ownerId, name: base.kind === 'other' ? null : name, ownerUrl };
}

export function mvkExpectsComments(doc: Document, ctx?: ParseContext): boolean {
  for (const layout of doc.querySelectorAll(MVK.commentsLayout.css)) {
    if (layout.childElementCount > 0) return true;
  }
  return vkExpectsComments(doc, ctx);
}

// --- the reply box ---

function labelOf(el: Element): string {
  return [el.getAttribute('placeholder'), el.getAttribute('aria-label'), el.getAttribute('data-placeholder'), el.getAttribute('name')]
    .filter(Boolean)
    .join(' ');
}

/** A field for a comment: in a form or labelled as one, never a search box. */
function isReplyField(el: Element): el is HTMLElement {
  if (el.closest('[data-otklik-ui]')) return false;
  if (el.getAttribute('contenteditable') === 'false') return false;
  const label = labelOf(el);
  if (/поиск|search/i.test(label) || el.closest('form[role="search"], form[action*="search"]')) return false;
  return COMPOSER_LABEL.test(label) || !!el.closest('form');
}

/**
 * The reply box under root, found as a person finds it: the field the site has just focused after
 * «Ответить» when it is under root, else a comment field under root; the React UI and classic boxes
 * when the page is in those markups.
 */
export function mvkComposer(root: ParentNode): HTMLElement | null {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const active = doc?.activeElement ?? null;
  if (active && (root as Node).contains(active) && active.matches(MVK.composer.css) && isReplyField(active)) return active;
  const desktop = vkComposer(root);
  if (desktop) return desktop;
  for (const field of root.querySelectorAll(MVK.composer.css)) if (isReplyField(field)) return field;
  return null;
}
