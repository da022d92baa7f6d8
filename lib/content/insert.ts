/**
 * Puts text into a site's comment editor the way typing would, so the site's own editor (React on
 * VK, OK's contenteditable, m.vk.com's textarea) registers it — then reads it back, because an
 * editor that keeps its own state may drop what it did not see typed. Never submits.
 */
import { UI_ATTR } from './runtime';

export function insertText(target: HTMLElement, text: string): boolean {
  const doc = target.ownerDocument;
  target.focus();
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
    // React tracks the value through the prototype's setter; setting .value directly is ignored.
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(target), 'value')?.set;
    const value = target.value ? `${target.value}${target.value.endsWith(' ') ? '' : ' '}${text}` : text;
    if (setter) setter.call(target, value);
    else target.value = value;
    target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return true;
  }
  caretAtEnd(target);
  const prefix = target.textContent && !/\s$/.test(target.textContent) ? ' ' : '';
  // execCommand is deprecated but still the one path every editor treats as real typing (undo included).
  if (doc.execCommand?.('insertText', false, prefix + text)) return true;
  target.append(doc.createTextNode(prefix + text));
  target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: prefix + text }));
  return true;
}

/** Caret at the end, after whatever the site put there (VK's «Иван,» mention). */
function caretAtEnd(target: HTMLElement) {
  const doc = target.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  range.selectNodeContents(target);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * The paste route: a paste event carrying the text, handed to the site's own paste handler (VK's
 * classic editor takes it, BN). Without a handler a synthetic paste inserts nothing.
 */
export function pasteText(target: HTMLElement, text: string): void {
  target.focus();
  if (!(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)) caretAtEnd(target);
  const data = new DataTransfer();
  data.setData('text/plain', text);
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

const SPACES = /[\s\u00a0\u202f]+/g;
const normal = (s: string) => s.replace(SPACES, ' ').trim();

/** What the field holds now, as a reader sees it. */
export function fieldText(target: HTMLElement): string {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) return target.value;
  return target.innerText ?? target.textContent ?? '';
}

/** Whether the whole text is in the field. */
export function holds(target: HTMLElement, text: string): boolean {
  return normal(fieldText(target)).includes(normal(text));
}

type Snapshot = { value: string } | { nodes: Node[] };

function snapshot(target: HTMLElement): Snapshot {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) return { value: target.value };
  return { nodes: [...target.childNodes].map((n) => n.cloneNode(true)) };
}

/** Puts the field back as it was (the site's own nodes, cloned: no markup is written). */
function restore(target: HTMLElement, before: Snapshot) {
  if ('value' in before) {
    const input = target as HTMLTextAreaElement | HTMLInputElement;
    if (input.value === before.value) return;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set;
    if (setter) setter.call(input, before.value);
    else input.value = before.value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContent' }));
    return;
  }
  target.replaceChildren(...before.nodes);
  target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContent' }));
}

/** Two frames: the site's editor re-renders from its own state in between. */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    const frame = globalThis.requestAnimationFrame ?? ((fn: () => void) => setTimeout(fn, 16));
    frame(() => frame(() => setTimeout(resolve, 0)));
  });
}

export type ReplyOutcome = 'typed' | 'pasted' | 'failed';

/**
 * Inserts the reply and checks that the field took it: typed first, then the paste route; each
 * attempt that did not take is undone, so a failure leaves the field as the site had it.
 */
export async function putReply(target: HTMLElement, text: string): Promise<ReplyOutcome> {
  const before = snapshot(target);
  insertText(target, text);
  await settle();
  if (holds(target, text)) return 'typed';
  restore(target, before);
  pasteText(target, text);
  await settle();
  if (holds(target, text)) return 'pasted';
  restore(target, before);
  return 'failed';
}

/** Puts the text on the clipboard (for the person to paste); false when the browser refused. */
export async function copyText(doc: Document, text: string): Promise<boolean> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without the clipboard API (or its permission): the old copy command on a field of our own.
    const area = doc.createElement('textarea');
    area.setAttribute(UI_ATTR, '');
    area.style.cssText = 'position:fixed;top:0;left:-9999px;opacity:0';
    area.value = text;
    (doc.body ?? doc.documentElement).append(area);
    area.select();
    const ok = doc.execCommand?.('copy') ?? false;
    area.remove();
    return ok;
  }
}
