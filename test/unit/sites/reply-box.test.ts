import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText, fieldText, putReply } from '@/lib/content/insert';

/**
 * «Вставить ответ» checks itself: typed first, read back; the paste route the site's own editor
 * handles when typing did not take; nothing half-inserted when neither did.
 */

const REPLY = 'Иван, свет дадут сегодня к 18:00.';

function editor(kind: 'plain' | 'state+paste' | 'deaf'): HTMLElement {
  const field = document.createElement('div');
  field.contentEditable = 'true';
  field.setAttribute('aria-label', 'Написать комментарий...');
  field.innerHTML = '<a class="mention" href="/id111">Иван</a>,&nbsp;';
  document.body.append(field);
  if (kind === 'plain') return field;
  // An editor that draws itself from its own state: what it did not see typed, it takes back.
  let state = [...field.childNodes].map((n) => n.cloneNode(true));
  const render = () => field.replaceChildren(...state.map((n) => n.cloneNode(true)));
  field.addEventListener('input', (e) => {
    if ((e as InputEvent).inputType === 'deleteContent') return;
    render();
  });
  if (kind === 'state+paste') {
    field.addEventListener('paste', (e) => {
      e.preventDefault();
      state = [...state, document.createTextNode((e as ClipboardEvent).clipboardData!.getData('text/plain'))];
      render();
    });
  }
  if (kind === 'deaf') {
    // takes in part what is pasted, then drops it: a half insertion the check must undo
    field.addEventListener('paste', () => field.append(document.createTextNode('Иван, свет')));
  }
  return field;
}

describe('putReply', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('types into an editor that takes typing, after the site\'s mention', async () => {
    const field = editor('plain');
    expect(await putReply(field, REPLY)).toBe('typed');
    expect(fieldText(field).replace(/\s+/g, ' ')).toContain(`Иван, ${REPLY}`);
    expect(field.querySelector('a.mention')).not.toBeNull();
  });

  it('types into a textarea (m.vk.com), after what the site put there', async () => {
    const area = document.createElement('textarea');
    area.value = 'Иван, ';
    document.body.append(area);
    expect(await putReply(area, REPLY)).toBe('typed');
    expect(area.value).toBe(`Иван, ${REPLY}`);
  });

  it('falls back to the paste route the site\'s editor handles when typing did not take', async () => {
    const field = editor('state+paste');
    expect(await putReply(field, REPLY)).toBe('pasted');
    expect(fieldText(field).replace(/\s+/g, ' ')).toContain(REPLY);
    expect(field.querySelector('a.mention')).not.toBeNull();
  });

  it('says it failed and leaves the field as the site had it when neither route took', async () => {
    const field = editor('deaf');
    const before = field.innerHTML;
    expect(await putReply(field, REPLY)).toBe('failed');
    expect(field.innerHTML).toBe(before);
  });

  it('puts the reply on the clipboard for the person to paste', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    expect(await copyText(document, REPLY)).toBe(true);
    expect(writeText).toHaveBeenCalledWith(REPLY);
  });
});
