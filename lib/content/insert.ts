/**
 * Puts text into a site's comment editor the way typing would, so the site's own editor (React on
 * VK, OK's contenteditable) registers it. Never submits.
 */
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
  // Caret at the end, after whatever the site put there (VK's «Иван,» mention).
  const selection = doc.getSelection();
  if (selection) {
    const range = doc.createRange();
    range.selectNodeContents(target);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const prefix = target.textContent && !/\s$/.test(target.textContent) ? ' ' : '';
  // execCommand is deprecated but still the one path every editor treats as real typing (undo included).
  if (doc.execCommand?.('insertText', false, prefix + text)) return true;
  target.append(doc.createTextNode(prefix + text));
  target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: prefix + text }));
  return true;
}
