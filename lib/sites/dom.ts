/** DOM reading shared by the site parsers: no layout reads, no HTML out. */

const WS = /[ \t\r\n\f]+/g;
const LINE_EDGES = / *\n */g;
const NBSP = /\u00a0/g;
/** Whitespace that WS would change: anything but single spaces. */
const WS_TO_FOLD = /[\t\r\n\f]| {2}/;

/** Collapses source-formatting whitespace to single spaces; most text has none and is not copied. */
function foldSpaces(s: string): string {
  return WS_TO_FOLD.test(s) ? s.replace(WS, ' ') : s;
}

function noNbsp(s: string): string {
  return s.includes('\u00a0') ? s.replace(NBSP, ' ') : s;
}
/** Elements collect() reads as their content (not <br>, <img>, scripts). */
const PLAIN_WRAPPER = /^(?:DIV|SPAN|P|B|I|EM|STRONG|A)$/;

function collect(node: Node, out: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out.push(foldSpaces((child as Text).data));
    } else if (child.nodeType === 1) {
      const el = child as Element;
      const tag = el.tagName;
      if (tag === 'BR') out.push('\n');
      // Sites draw emoji as <img alt="😀">; textContent would lose them.
      else if (tag === 'IMG') out.push(el.getAttribute('alt') ?? '');
      else if (tag !== 'SCRIPT' && tag !== 'STYLE' && tag !== 'TEMPLATE') collect(el, out);
    }
  }
}

/**
 * The text a reader sees, as plain text: textContent, except that <br> becomes a line break and
 * source-formatting whitespace collapses as the browser would draw it. innerText would do this too,
 * but it forces layout, which a batch of 2,000 comments cannot afford.
 */
export function plainText(el: Element | null | undefined): string {
  if (!el) return '';
  // Most comments are one text node under a wrapper or two: read it without building a list.
  let at: Node = el;
  while (at.firstChild !== null && at.firstChild === at.lastChild && at.firstChild.nodeType === 1 && PLAIN_WRAPPER.test((at.firstChild as Element).tagName)) at = at.firstChild;
  const only = at.firstChild;
  if (only !== null && only === at.lastChild && only.nodeType === 3) return noNbsp(foldSpaces((only as Text).data)).trim();
  const out: string[] = [];
  collect(el, out);
  return noNbsp(out.join('')).replace(LINE_EDGES, '\n').trim();
}

/** One-line text (names, dates): whitespace collapsed. */
export function lineText(el: Element | null | undefined): string {
  return el ? foldSpaces(noNbsp(el.textContent ?? '')).trim() : '';
}

const PLAIN_PATH = /^\/[\w\-.~=&%?]*$/;

/** An href made absolute against the site's origin; null when missing or not http(s). */
export function absoluteUrl(href: string | null | undefined, origin: string): string | null {
  if (!href) return null;
  // Most links on VK and OK are one plain path segment («/id111», «/wall-1_2?reply=3»): the URL
  // parser would return them unchanged, and it is the slow part of reading 2,000 comments.
  if (PLAIN_PATH.test(href) && href !== '/.' && href !== '/..') return origin + href;
  try {
    const u = new URL(href, origin);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Page addresses compare case-insensitively: both sites resolve /Gov_City and /gov_city alike. */
export function sameAddress(a: string | null, b: string | null): boolean {
  // Addresses are ASCII (percent-encoded): a different length is a different address.
  return a !== null && b !== null && a.length === b.length && a.toLowerCase() === b.toLowerCase();
}

/**
 * The first match under scope that belongs to scope itself, not to a post or comment nested in it
 * (`owner` selects those). A comment's own parts come before its replies, so the first match is
 * nearly always the answer: only the ancestors between it and scope are checked, never the page
 * above scope, and the full list is read only when the first match turns out to be a reply's.
 */
export function ownQuery(scope: Element, selector: string, owner: string): Element | null {
  const first = scope.querySelector(selector);
  if (!first || ownedBy(first, scope, owner)) return first;
  const all = scope.querySelectorAll(selector);
  for (let i = 1; i < all.length; i++) if (ownedBy(all[i]!, scope, owner)) return all[i]!;
  return null;
}

/**
 * ownQuery for several parts of one scope: when nothing inside scope matches `owner` (a comment
 * without replies, most of them), each part is a plain querySelector.
 */
export type Querier = (selector: string) => Element | null;

export function ownQuerier(scope: Element, owner: string): Querier {
  if (scope.querySelector(owner) === null) return (selector) => scope.querySelector(selector);
  return (selector) => ownQuery(scope, selector, owner);
}

/** Whether no element matching `owner` stands between found and scope. */
function ownedBy(found: Element, scope: Element, owner: string): boolean {
  for (let p = found.parentElement; p && p !== scope; p = p.parentElement) if (p.matches(owner)) return false;
  return true;
}

/** root's own matches plus root itself when it matches (the runtime passes added subtrees as roots). */
export function queryWithSelf(root: ParentNode, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  if ((root as Element).nodeType === 1 && (root as Element).matches(selector)) found.unshift(root as Element);
  return found;
}

/** Reads JSON from an attribute; null on any malformed content (site markup is not trusted input). */
export function jsonAttr(el: Element, name: string): unknown {
  const raw = el.getAttribute(name);
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** The path of a link as pages write it: relative («/id111») or absolute; null when unreadable. */
export function pathOf(href: string | null | undefined): string | null {
  if (!href) return null;
  if (href.startsWith('/')) return href;
  try {
    return new URL(href).pathname;
  } catch {
    return null;
  }
}
