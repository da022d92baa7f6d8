import { vkPostFigures } from './figures';
import { parseRuDate } from '../dates';
import { absoluteUrl, lineText, ownQuerier, ownQuery, pathOf, plainText, queryWithSelf, sameAddress } from '../dom';
import type { PageInfo, ParseContext, ParsedComment, ParsedPost } from '../types';
import { isMediaId, parseVkUrl, VK_ORIGIN } from '../url';
import { VK } from './selectors';

// Compiled once: these run for every comment of a 2,000-comment batch.
const WALL_IN_PATH = /\/wall(-?\d+)_(\d+)/;
/** Comments on photos and videos (the classic markup of their layers) link the item, not a wall post. */
const ITEM_IN_PATH = /\/(wall|photo|video)(-?\d+)_(\d+)/;
const USUAL_DATE_LINK = /^\/wall(-?\d+)_(\d+)\?reply=(\d+)(?:&thread=(\d+))?$/;
const REPLY_PARAM = /[?&]reply=(\d+)/;
const THREAD_PARAM = /[?&]thread=(\d+)/;
/** React UI element ids are `<author id>_<comment number>`. */
const ELEMENT_ID = /^(-?\d+)_(\d+)$/;
/** Classic element ids are `post<owner id>_<number>`. */
const CLASSIC_ID = /^post(-?\d+_\d+)$/;
const POST_ID = /^-?\d+_\d+$/;
const PROFILE_PATH = /^\/(?:id(\d+)|(?:club|public|event)(\d+))$/;
const LAYOUT_LEVEL = /--comment-layout-level:\s*(\d+)/;
const FIRST_NUMBER = /\d+/;
const TITLE_SUFFIX = /\s*\|\s*(?:ВКонтакте|VK)\s*$/;
/** The React UI prints the pin as text at the top of the post; the classic markup has `.post_fixed`. */
const PINNED_LABEL = /^Запись закреплена/;
const AD_LABEL = /^(?:Реклама|Рекламная запись|Ad|Sponsored)$/;
const DELETED_TEXT = /Комментарий удал[её]н|Comment deleted/;
const BARE_ID = /^\d+$/;
/** The video a page is about: its own address (vk.com/video-1_2) or its layer (?z=video-1_2). */
const VIDEO_IN_URL = /(?:^https?:\/\/[^/]+\/|[?&]z=)video(-?\d+)_(\d+)/;

export interface DateLink {
  /** What the comment is on: a wall post, or a photo or a video in its layer. */
  kind: 'wall' | 'photo' | 'video';
  owner: string;
  post: string;
  reply: string;
  thread: string | null;
  href: string;
}

/** A comment's date link read: wall owner, post, `reply=`, `thread=` (also m.vk.com's `item_date`). */
export function readDateLink(a: Element | null): DateLink | null {
  const href = a?.getAttribute('href');
  if (!href) return null;
  // The usual shape in one step; anything else (other parameters, other order) the long way.
  const usual = USUAL_DATE_LINK.exec(href);
  if (usual) return { kind: 'wall', owner: usual[1], post: usual[2], reply: usual[3], thread: usual[4] ?? null, href };
  const item = ITEM_IN_PATH.exec(href);
  const reply = REPLY_PARAM.exec(href);
  if (!item || !reply) return null;
  const thread = href.includes('thread=') ? THREAD_PARAM.exec(href) : null;
  return { kind: item[1] as DateLink['kind'], owner: item[2], post: item[3], reply: reply[1], thread: thread ? thread[1] : null, href };
}

/**
 * A comment's id from its date link: VK's own spelling on walls, `-123456_1002` (wall owner and
 * comment number); on a photo or a video the item comes first, `photo-123456_457239017_89`, as
 * their comments are numbered apart from the wall's.
 */
export function commentIdFrom(d: DateLink, reply = d.reply): string {
  return d.kind === 'wall' ? `${d.owner}_${reply}` : `${d.kind}${d.owner}_${d.post}_${reply}`;
}

/** The post (or the photo, the video) a comment is on. */
export function itemIdFrom(d: DateLink): string {
  return d.kind === 'wall' ? `${d.owner}_${d.post}` : `${d.kind}${d.owner}_${d.post}`;
}

/**
 * A VK Video comment has no date link: its number is its element id, the video is in the address,
 * and a reply sits inside its thread's root (BN; the nesting is inferred from the wall's React UI).
 * Read into the date link's shape, so its id is spelled as every other video comment's.
 */
function videoDateLink(el: Element, ctx: ParseContext): DateLink | null {
  if (!BARE_ID.test(el.id) || !el.matches(VK.videoComment.css)) return null;
  const video = VIDEO_IN_URL.exec(ctx.url);
  if (!video) return null;
  const [, owner, post] = video;
  const root = el.parentElement?.closest(VK.videoComment.css);
  const thread = root && BARE_ID.test(root.id) ? root.id : null;
  return { kind: 'video', owner, post, reply: el.id, thread, href: `/video${owner}_${post}?reply=${el.id}${thread ? `&thread=${thread}` : ''}` };
}

function dateLinkOf(el: Element): DateLink | null {
  return readDateLink(ownQuery(el, VK.commentDate.css, VK.comment.css));
}

/** VK's own spelling of a comment id: wall owner, underscore, comment number. */
function commentIdOf(el: Element): string | null {
  const d = dateLinkOf(el);
  return d ? commentIdFrom(d) : null;
}

/** Numeric id from a profile path (/id111 → "111", /club5 → "-5"); null for short names. */
export function idFromHref(href: string | null): string | null {
  const path = pathOf(href);
  const m = path === null ? null : PROFILE_PATH.exec(path);
  if (!m) return null;
  return m[1] ?? `-${m[2]}`;
}

function levelOf(el: Element): number | null {
  const style = el.getAttribute('style');
  if (!style) return null;
  const m = LAYOUT_LEVEL.exec(style);
  return m ? Number(m[1]) : null;
}

/** The element carrying --comment-layout-level: the comment itself or its list wrapper. */
function levelHolder(el: Element): { holder: Element; level: number } | null {
  const own = levelOf(el);
  if (own !== null) return { holder: el, level: own };
  const parent = el.parentElement;
  const wrapped = parent ? levelOf(parent) : null;
  return parent && wrapped !== null ? { holder: parent, level: wrapped } : null;
}

/**
 * The thread root a reply belongs to when its date link has no `thread=`: the enclosing comment
 * (React nested layout), the comment right before the replies block (classic markup), or the
 * nearest level-0 sibling above it (React flat layout).
 */
function structuralParent(el: Element): Element | null {
  const enclosing = el.parentElement?.closest(VK.comment.css);
  if (enclosing) return enclosing;
  const classicThread = el.closest(VK.classicThread.css);
  if (classicThread) {
    for (let sib = classicThread.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.matches(VK.comment.css)) return sib;
    }
    return null;
  }
  const at = levelHolder(el);
  if (!at || at.level === 0) return null;
  for (let sib = at.holder.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (levelOf(sib) !== 0) continue;
    return sib.matches(VK.comment.css) ? sib : sib.querySelector(VK.comment.css);
  }
  return null;
}

/** The page's owner: from the page, else from its address (shared with m.vk.com). */
export function pageOwner(ctx: ParseContext): string | null {
  return ctx.page?.ownerId ?? cachedUrlInfo(ctx.url)?.ownerId ?? null;
}

let lastUrl: string | null = null;
let lastUrlInfo: ReturnType<typeof parseVkUrl> = null;
/** The runtime passes the same ctx.url for a whole batch: parse it once. */
export function cachedUrlInfo(url: string): ReturnType<typeof parseVkUrl> {
  if (url !== lastUrl) {
    lastUrl = url;
    lastUrlInfo = parseVkUrl(url);
  }
  return lastUrlInfo;
}

function timeOf(dateEl: Element | null, ctx: ParseContext): number | null {
  if (!dateEl) return null;
  // The React UI's date is a bare link: no child to search.
  const stamped = dateEl.matches(VK.relTime.css) ? dateEl : dateEl.firstElementChild ? dateEl.querySelector(VK.relTime.css) : null;
  const seconds = Number(stamped?.getAttribute('time'));
  if (seconds > 0) return seconds * 1000;
  return parseRuDate(lineText(dateEl), ctx.now, ctx.timeZone);
}

export function vkCommentElements(root: ParentNode): Element[] {
  return queryWithSelf(root, VK.comment.css);
}

export function parseVkComment(el: Element, ctx: ParseContext): ParsedComment | null {
  const own = ownQuerier(el, VK.comment.css);
  let dateEl = own(VK.commentDate.css);
  let date = readDateLink(dateEl);
  if (!date) {
    date = videoDateLink(el, ctx);
    if (!date) return null;
    dateEl = own(VK.videoCommentDate.css);
  }
  const id = commentIdFrom(date);

  let parentId: string | null = null;
  if (date.thread && date.thread !== date.reply) parentId = commentIdFrom(date, date.thread);
  else if (!date.thread) {
    const parent = structuralParent(el);
    parentId = parent ? (commentIdOf(parent) ?? vkDeletedCommentId(parent, ctx)) : null;
  }

  const authorLink = own(VK.commentAuthorLink.css);
  const nameEl = own(VK.commentAuthorName.css);
  const href = authorLink?.getAttribute('href') ?? nameEl?.closest('a')?.getAttribute('href') ?? null;
  const elementId = ELEMENT_ID.exec(el.id);
  const authorId =
    authorLink?.getAttribute('data-from-id') ??
    // React UI: the element id's prefix is the author (not the wall owner).
    (elementId ? elementId[1] : null) ??
    idFromHref(href);
  const authorUrl = absoluteUrl(href, VK_ORIGIN);

  const owner = pageOwner(ctx) ?? date.owner;
  const ownerUrl = ctx.page?.ownerUrl ?? null;
  const byOwner = (authorId !== null && authorId === owner) || sameAddress(authorUrl, ownerUrl);

  return {
    site: 'vk',
    id,
    postId: itemIdFrom(date),
    parentId,
    authorId,
    authorName: lineText(nameEl) || null,
    authorUrl,
    text: commentTextOf(vkCommentTextElement(el, own)),
    publishedAt: timeOf(dateEl, ctx),
    permalink: absoluteUrl(date.href, VK_ORIGIN),
    own: byOwner,
  };
}

/** A comment element whose content VK replaced with «Комментарий удалён». */
export function isVkDeletedPlaceholder(el: Element): boolean {
  if (dateLinkOf(el)) return false;
  if (el.querySelector(VK.deleted.css)) return true;
  return DELETED_TEXT.test(el.textContent ?? '');
}

/** The id of the comment a placeholder stands for, as far as the markup still tells. */
export function vkDeletedCommentId(el: Element, ctx: ParseContext): string | null {
  const classic = CLASSIC_ID.exec(el.id);
  if (classic) return classic[1];
  const dataId = el.getAttribute('data-post-id');
  if (dataId && POST_ID.test(dataId)) return dataId;
  // React UI: the element id ends in the comment number; the owner comes from the post around it.
  const react = ELEMENT_ID.exec(el.id);
  if (!react) return null;
  const post = el.closest(VK.post.css)?.getAttribute('data-post-id');
  const owner = post && POST_ID.test(post) ? post.slice(0, post.indexOf('_')) : pageOwner(ctx);
  return owner ? `${owner}_${react[2]}` : null;
}

function postIdOf(el: Element): string | null {
  const data = el.getAttribute('data-post-id');
  if (data && POST_ID.test(data)) return data;
  const classic = CLASSIC_ID.exec(el.id);
  return classic ? classic[1] : null;
}

/** A copied post inside a repost: part of the repost, not a post of its own. */
function isRepostCopy(el: Element): boolean {
  return el.matches(VK.repostCopy.css) || !!el.parentElement?.closest(VK.postScope.css);
}

export function vkPostElements(root: ParentNode): Element[] {
  const found = queryWithSelf(root, VK.post.css);
  return found.filter((el) => !isRepostCopy(el));
}

export function parseVkPost(el: Element, ctx: ParseContext): ParsedPost | null {
  const id = postIdOf(el);
  if (!id || isRepostCopy(el)) return null;
  const ownerId = id.slice(0, id.indexOf('_'));

  const header = ownQuery(el, VK.postAuthor.css, VK.postScope.css);
  const headerHref = header?.getAttribute('href') ?? null;
  // A wall post is written by its owner unless the header links someone else by id.
  const authorId = header?.getAttribute('data-from-id') ?? idFromHref(headerHref) ?? ownerId;
  const dateEl = ownQuery(el, VK.postDate.css, VK.postScope.css);
  const dateText = lineText(dateEl);
  const text = plainText(ownQuery(el, VK.postText.css, VK.postScope.css));

  const ad = el.matches(VK.ad.css) || !!ownQuery(el, VK.ad.css, VK.postScope.css) || AD_LABEL.test(dateText);
  const owner = pageOwner(ctx);
  const foreign = ad || (owner !== null && ownerId !== owner);

  return {
    site: 'vk',
    id,
    ownerId,
    authorId,
    authorName: lineText(header) || null,
    publishedAt: ad ? null : timeOf(dateEl, ctx),
    text,
    pinned: el.matches(VK.pinned.css) || PINNED_LABEL.test(text),
    foreign,
    repost: !!ownQuery(el, VK.repostCopy.css, VK.postScope.css),
    permalink: `${VK_ORIGIN}/wall${id}`,
    figures: ad ? null : vkPostFigures(el, VK.postScope.css),
  };
}

function countIn(el: Element): number {
  const raw = el.getAttribute('data-count') ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
  const m = FIRST_NUMBER.exec(raw);
  return m ? Number(m[0]) : 0;
}

/** Which owner most of the page's own posts belong to (the wall's owner; ads and reposts are fewer). */
function majorityOwner(doc: Document): string | null {
  const tally = new Map<string, number>();
  for (const el of doc.querySelectorAll(VK.ownerLink.css)) {
    const id = el.getAttribute('data-from-id');
    if (id) tally.set(id, (tally.get(id) ?? 0) + 1);
  }
  if (tally.size === 0) {
    for (const el of vkPostElements(doc)) {
      const id = postIdOf(el);
      if (id) {
        const owner = id.slice(0, id.indexOf('_'));
        tally.set(owner, (tally.get(owner) ?? 0) + 1);
      }
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [id, n] of tally) if (n > bestCount) [best, bestCount] = [id, n];
  return best;
}

/** Where <link> elements live: a miss in the head costs nothing, a miss in a 2,000-comment body a scan. */
function headOf(doc: Document): ParentNode {
  return doc.head ?? doc;
}

function appLinkUrl(doc: Document): string | null {
  // android-app://com.vkontakte.android/vkontakte/m.vk.com/club123456
  const href = headOf(doc).querySelector(VK.appLink.css)?.getAttribute('href');
  const at = href ? href.indexOf('/vkontakte/') : -1;
  return href && at >= 0 ? `https://${href.slice(at + '/vkontakte/'.length)}` : null;
}

export function vkPageInfo(doc: Document, ctx: ParseContext): PageInfo {
  const fromUrl = parseVkUrl(ctx.url);
  const canonicalHref = headOf(doc).querySelector(VK.canonical.css)?.getAttribute('href');
  const canonical = canonicalHref ? parseVkUrl(absoluteUrl(canonicalHref, VK_ORIGIN) ?? '') : null;
  const app = appLinkUrl(doc);
  const fromApp = app ? parseVkUrl(app) : null;
  const info = fromUrl ?? canonical;
  const kind = info?.kind ?? 'other';

  const ownerId =
    info?.ownerId ??
    (canonical?.site === 'vk' ? canonical.ownerId : null) ??
    (fromApp?.site === 'vk' ? fromApp.ownerId : null) ??
    (kind === 'other' ? null : majorityOwner(doc));

  // The owner's own post header gives the page's link and name on single-post pages.
  let ownerHeader: Element | null = null;
  if (ownerId) {
    const owners = (post: Element) => !isRepostCopy(post) && postIdOf(post)?.startsWith(`${ownerId}_`) === true;
    // Usually the first post on the page is the owner's: then the page's posts need no listing.
    const first = doc.querySelector(VK.post.css);
    if (first && owners(first)) ownerHeader = ownQuery(first, VK.postAuthor.css, VK.postScope.css);
    if (!ownerHeader) {
      for (const post of vkPostElements(doc)) {
        if (!owners(post)) continue;
        ownerHeader = ownQuery(post, VK.postAuthor.css, VK.postScope.css);
        if (ownerHeader) break;
      }
    }
  }

  // A photo's or a video's title is the item's, not the page's.
  const name =
    lineText(doc.querySelector(VK.pageName.css)) ||
    lineText(ownerHeader) ||
    (isMediaId(info?.postId) ? '' : (doc.title ?? '').replace(TITLE_SUFFIX, '').trim()) ||
    null;

  // Comments link the page the way its posts do (often a short name), so the header link comes first.
  const ownerUrl =
    absoluteUrl(ownerHeader?.getAttribute('href'), VK_ORIGIN) ?? info?.ownerUrl ?? null;

  return {
    site: 'vk',
    url: info?.url ?? ctx.url,
    kind,
    ownerId,
    name: kind === 'other' ? null : name,
    ownerUrl,
    postId: info?.postId ?? null,
  };
}

/**
 * Whether comments should be visible: a non-empty comment list, or a counter above zero on a
 * single-post page. On walls the React UI keeps comments folded behind the counter, so a counter
 * there does not promise comments in the DOM.
 */
export function vkExpectsComments(doc: Document, ctx?: ParseContext): boolean {
  for (const layout of doc.querySelectorAll(VK.commentsLayout.css)) {
    if (layout.childElementCount > 0) return true;
  }
  // VK Video prints its comments without a list of a known name.
  if (doc.querySelector(VK.videoComment.css)) return true;
  // Without ctx the document's own address tells the kind (about:blank in parsed documents).
  const kind = cachedUrlInfo(ctx?.url ?? doc.URL)?.kind ?? null;
  const canonicalHref = headOf(doc).querySelector(VK.canonical.css)?.getAttribute('href');
  const isPost = kind === 'post' || (!kind && !!canonicalHref && WALL_IN_PATH.test(canonicalHref));
  if (!isPost) return false;
  // A post open in a layer over a wall: the wall's counters under it count folded comments.
  const own = pageCounter(doc, ctx?.url ?? doc.URL);
  if (own !== undefined) return own !== null && countIn(own) > 0;
  for (const counter of doc.querySelectorAll(VK.commentCounter.css)) if (countIn(counter) > 0) return true;
  return false;
}

/**
 * The counter in the footer of the page's own post; null when that post is on the page without one;
 * undefined when the address names no wall post, or the post is not found (a page VK marks otherwise).
 */
function pageCounter(doc: Document, url: string): Element | null | undefined {
  const info = cachedUrlInfo(url);
  if (info?.kind !== 'post' || !info.postId) return undefined;
  // No source shows a photo's or a video's counter: none is trusted.
  if (isMediaId(info.postId)) return null;
  const post = [...doc.querySelectorAll(VK.post.css)].find((el) => postIdOf(el) === info.postId);
  return post ? ownQuery(post, VK.commentCounter.css, VK.postScope.css) : undefined;
}

/** The site's own comment count on a single-post page: the page's post's footer counter. */
export function vkCommentCount(doc: Document, ctx: ParseContext): number | null {
  const info = cachedUrlInfo(ctx.url);
  if (info?.kind !== 'post') return null;
  const own = pageCounter(doc, ctx.url);
  const counter = own === undefined ? doc.querySelector(VK.commentCounter.css) : own;
  return counter ? countIn(counter) : null;
}

/** The comment's words: the show-more text inside the text block when there is one, else the block. */
function commentTextOf(block: Element | null): string {
  if (!block) return '';
  const inner = block.firstElementChild ? block.querySelector(VK.showMoreText.css) : null;
  return plainText(inner ?? block);
}

/** `own`: the comment's querier when the caller has one already (parsing asks for several parts). */
export function vkCommentTextElement(commentEl: Element, own = ownQuerier(commentEl, VK.comment.css)): Element | null {
  return own(VK.commentText.css);
}

export function vkReplyControl(commentEl: Element): Element | null {
  return ownQuery(commentEl, VK.replyControl.css, VK.comment.css);
}

export function vkComposer(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>(VK.composer.css);
}
