/**
 * «Проверить страницу»: what the adapter recognised on a page, compared with what the site itself
 * says, and an anonymised skeleton of the comment markup for the developers — so a markup change on
 * the live site can be fixed from one paste. Pure: the document and the adapter in, data out.
 */
import type { Selector } from './selectors';
import type { ParseContext, SiteAdapter } from './types';

export interface PageCheck {
  site: string;
  kind: string;
  posts: number;
  comments: number;
  /** Comments the site replaced with its «Комментарий удалён». */
  placeholders: number;
  /** Comment elements that matched but did not parse (not placeholders either): the markup changed. */
  unread: number;
  datesRead: number;
  authors: number;
  replyControls: number;
  composer: boolean;
  /** The site's own count (post footer, topic counter); null where the page has none. */
  siteSays: number | null;
  /** The site says there are comments, and none was recognised. */
  mismatch: boolean;
}

export function checkPage(adapter: SiteAdapter, doc: Document, ctx: ParseContext): PageCheck {
  const page = adapter.pageInfo(doc, ctx);
  const withPage = { ...ctx, page };
  let comments = 0;
  let placeholders = 0;
  let unread = 0;
  let datesRead = 0;
  let authors = 0;
  let replyControls = 0;
  for (const el of adapter.commentElements(doc)) {
    const c = adapter.parseComment(el, withPage);
    if (!c) {
      if (adapter.isDeletedPlaceholder?.(el)) placeholders++;
      else unread++;
      continue;
    }
    comments++;
    if (c.publishedAt !== null) datesRead++;
    if (c.authorId !== null || c.authorName !== null) authors++;
    if (adapter.replyControl?.(el)) replyControls++;
  }
  // A post open in a layer is on the page twice (its card on the wall under the layer): one post.
  const postIds = new Set<string>();
  for (const el of adapter.postElements(doc)) {
    const p = adapter.parsePost(el, withPage);
    if (p) postIds.add(p.id);
  }
  const posts = postIds.size;
  const siteSays = adapter.commentCount?.(doc, ctx) ?? null;
  return {
    site: page.site,
    kind: page.kind,
    posts,
    comments,
    placeholders,
    unread,
    datesRead,
    authors,
    replyControls,
    composer: !!adapter.composer?.(doc),
    siteSays,
    mismatch: siteSays !== null && siteSays > 0 && comments === 0,
  };
}

// --- the skeleton ---

/** Attributes whose values say what an element is, never who wrote it. */
const KEPT_VALUES = new Set(['data-testid', 'role', 'type', 'contenteditable', 'data-l', 'data-module']);
/** Where people's ids and names live (hrefs, ids, JSON): replaced by their shape. */
const DIGITS = /\d+/g;
const OURS = /^(?:data-otklik-|otklik-)/;

/** An attribute's value as its shape: numbers become N, anything else is dropped. */
function shapeOf(name: string, value: string): string | null {
  if (KEPT_VALUES.has(name)) return value.replace(DIGITS, 'N');
  if (name === 'id') return value.replace(DIGITS, 'N').replace(/[^\w-]/g, '');
  if (name === 'href') {
    // the path's shape only: /wall-N_N?reply=N&thread=N — no short names, no people
    const m = /^(?:https?:\/\/[^/]+)?(\/[a-z_]+)?(-?\d+_\d+)?/.exec(value);
    const query = value.includes('?') ? '?' + [...value.slice(value.indexOf('?') + 1).matchAll(/([a-z_]+)=/g)].map((q) => `${q[1]}=N`).join('&') : '';
    return m && m[2] ? `${m[1] ?? ''}${m[2].startsWith('-') ? '-' : ''}N_N${query}` : null;
  }
  if (name === 'style') return (value.match(/--[\w-]+/g) ?? []).join(';') || null;
  return null;
}

export interface SkeletonOptions {
  /** Nodes at most (the rest is counted, not shown). */
  maxNodes?: number;
  maxDepth?: number;
}

/**
 * The markup under root as tags, class names, data-testid, attribute names and structure, one line
 * an element — no text, no names, no ids of people (numbers become N). Otklik's own marks are left
 * out. Runs of siblings with the same shape are shown once with their count.
 */
export function markupSkeleton(root: Element, options: SkeletonOptions = {}): string {
  const maxNodes = options.maxNodes ?? 400;
  const maxDepth = options.maxDepth ?? 14;
  const lines: string[] = [];
  let shown = 0;
  let left = 0;

  function line(el: Element): string {
    const classes = [...el.classList].filter((c) => !OURS.test(c)).map((c) => `.${c.replace(DIGITS, 'N')}`).join('');
    const attrs: string[] = [];
    for (const name of el.getAttributeNames()) {
      if (name === 'class' || OURS.test(name)) continue;
      const shape = shapeOf(name, el.getAttribute(name) ?? '');
      attrs.push(shape === null || shape === '' ? name : `${name}="${shape}"`);
    }
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) ? ' #text' : '';
    return `${el.tagName.toLowerCase()}${classes}${attrs.length ? ` [${attrs.join(' ')}]` : ''}${text}`;
  }

  function walk(el: Element, depth: number) {
    if (shown >= maxNodes) {
      left++;
      return;
    }
    shown++;
    const own = line(el);
    lines.push(`${'  '.repeat(depth)}${own}`);
    if (depth >= maxDepth) return;
    const children = [...el.children].filter((c) => !c.hasAttribute('data-otklik-ui') && c.tagName !== 'SCRIPT' && c.tagName !== 'STYLE');
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      // Repeated siblings of one shape (a list of comments) are shown once, with their count.
      let same = 1;
      const shape = line(child);
      while (i + same < children.length && line(children[i + same]!) === shape && sameShape(child, children[i + same]!)) same++;
      walk(child, depth + 1);
      if (same > 1) {
        lines.push(`${'  '.repeat(depth + 1)}… ×${same - 1} more of the same`);
        i += same - 1;
      }
    }
  }

  walk(root, 0);
  if (left) lines.push(`… ${left} more elements`);
  return lines.join('\n');
}

function sameShape(a: Element, b: Element): boolean {
  return a.childElementCount === b.childElementCount && a.tagName === b.tagName;
}

/**
 * What to show the developers: the comments' list when a comment is recognised (the parent that
 * holds most of them), else the first post, else the page's main column.
 */
export function skeletonRoot(adapter: SiteAdapter, doc: Document): Element {
  const comments = adapter.commentElements(doc);
  if (comments.length) {
    let root: Element = comments[0]!;
    while (root.parentElement && root.parentElement !== doc.body && comments.filter((c) => root.contains(c)).length < Math.min(comments.length, 3)) root = root.parentElement;
    return root;
  }
  return adapter.postElements(doc)[0] ?? doc.body ?? doc.documentElement;
}

/** How many elements each of the site's selectors matches on the page: which part stopped matching. */
export function selectorCounts(table: Readonly<Record<string, Selector>>, doc: ParentNode): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, sel] of Object.entries(table)) out[name] = doc.querySelectorAll(sel.css).length;
  return out;
}

/** Path segments whose shape says what a page is (wall-N_N, clubN, topic); anything else is a name. */
const SEGMENT_SHAPE = /^(?:[a-z]+)?-?\d+(?:_\d+)*$|^(?:group|profile|topic|topics|statuses|album|photos|videos)$/;

/**
 * An address as its shape: `https://vk.com/wall-N_N?reply=N`. Short names (a person's or the page's
 * own) become `…`: the report names no one.
 */
export function addressShape(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '…';
  }
  const path = u.pathname.split('/').filter(Boolean).map((seg) => (SEGMENT_SHAPE.test(seg) ? seg.replace(DIGITS, 'N') : '…'));
  const query = [...u.searchParams.keys()].map((k) => `${k.replace(/[^\w-]/g, '')}=N`).join('&');
  return `${u.protocol}//${u.host}/${path.join('/')}${query ? `?${query}` : ''}`;
}

export interface ReportOptions {
  /** The extension's version, for the first line. */
  version?: string;
}

/**
 * «Скопировать отчёт для разработчиков»: the page check's counts, every selector's match count and
 * the markup skeleton of the comments — structure only. When comments are missing or unread, the
 * skeleton is the whole post (or the page), so the renamed parts are in it too.
 */
export function developerReport(adapter: SiteAdapter, doc: Document, ctx: ParseContext, options: ReportOptions = {}): string {
  const check = checkPage(adapter, doc, ctx);
  const trouble = check.mismatch || check.unread > 0 || (check.comments === 0 && adapter.expectsComments(doc, ctx));
  const root = trouble ? (adapter.postElements(doc)[0] ?? doc.body ?? doc.documentElement) : skeletonRoot(adapter, doc);
  const { site, kind, ...counts } = check;
  const lines = [
    options.version ? `Otklik ${options.version}, page check` : 'Otklik, page check',
    `address: ${addressShape(ctx.url)}`,
    `site: ${site}, kind: ${kind}`,
    `counts: ${JSON.stringify(counts)}`,
  ];
  if (adapter.selectors) lines.push(`selectors: ${JSON.stringify(selectorCounts(adapter.selectors, doc))}`);
  lines.push('markup:', markupSkeleton(root));
  return lines.join('\n');
}
