/**
 * Highlights parts of a comment's text without touching the site's DOM: the CSS Custom Highlight
 * API paints ranges (Chromium 105+, Firefox 140+). Where it is missing, nothing is painted and the
 * badge still names the words.
 */

import { UI_ATTR } from './runtime';

const HIGHLIGHT = 'otklik-match';

interface Piece {
  node: Text | null;
  start: number;
  length: number;
}

/**
 * Walks the element's text as adapters read it (text nodes, <br> as a line break) and returns the
 * DOM position of each character offset.
 */
function pieces(el: Element): { text: string; list: Piece[] } {
  const list: Piece[] = [];
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      if ((n.parentElement?.closest(`[${UI_ATTR}]`) ?? null) !== null) continue;
      list.push({ node: n as Text, start: text.length, length: (n as Text).data.length });
      text += (n as Text).data;
    } else if ((n as Element).tagName === 'BR') {
      list.push({ node: null, start: text.length, length: 1 });
      text += '\n';
    }
  }
  return { text, list };
}

function position(list: Piece[], offset: number): [Text, number] | null {
  for (const p of list) {
    if (p.node && offset >= p.start && offset <= p.start + p.length) return [p.node, offset - p.start];
  }
  return null;
}

/** Ranges of [start, end) spans of `text` (the comment as parsed) inside el. */
export function rangesFor(el: Element, text: string, spans: readonly { start: number; end: number }[]): Range[] {
  const { text: domText, list } = pieces(el);
  const base = domText.indexOf(text);
  if (base < 0) return [];
  const ranges: Range[] = [];
  for (const s of spans) {
    const a = position(list, base + s.start);
    const b = position(list, base + s.end);
    if (!a || !b) continue;
    const r = el.ownerDocument.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    ranges.push(r);
  }
  return ranges;
}

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
declare const Highlight: { new (...ranges: Range[]): unknown } | undefined;

function registry(): HighlightRegistry | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  return css?.highlights && typeof Highlight !== 'undefined' ? css.highlights : null;
}

/**
 * The highlight's style is added on first use: a `::highlight()` rule matches every element, and
 * adding one at load would make the browser restyle the whole page.
 */
function ensureStyle(doc: Document) {
  if (doc.getElementById('otklik-highlight-style')) return;
  const style = doc.createElement('style');
  style.id = 'otklik-highlight-style';
  style.setAttribute(UI_ATTR, '');
  style.textContent = '::highlight(otklik-match) { background-color: #ffd54f; color: #000; }';
  (doc.head ?? doc.documentElement).append(style);
}

export function showHighlight(ranges: Range[]): boolean {
  const reg = registry();
  if (!reg || !ranges.length) return false;
  ensureStyle(ranges[0]!.startContainer.ownerDocument!);
  reg.set(HIGHLIGHT, new Highlight!(...ranges));
  return true;
}

export function clearHighlight() {
  registry()?.delete(HIGHLIGHT);
}
