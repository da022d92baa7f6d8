/** Small DOM builders for what Otklik adds to a page: text only ever through textContent. */
import { UI_ATTR } from './runtime';

export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A button that says what it does in data-action (one delegated listener reads it). */
export function actionButton(doc: Document, cls: string, action: string, text: string): HTMLButtonElement {
  const b = el(doc, 'button', cls, text);
  b.type = 'button';
  b.setAttribute('data-action', action);
  return b;
}

/** A box of ours about one comment: marked as Otklik's (never read as the page's content), tied by data-for. */
export function uiBox<K extends keyof HTMLElementTagNameMap = 'div'>(doc: Document, cls: string, key: string, tag = 'div' as K): HTMLElementTagNameMap[K] {
  const box = el(doc, tag, cls);
  box.setAttribute(UI_ATTR, '');
  box.setAttribute('data-for', key);
  return box;
}
