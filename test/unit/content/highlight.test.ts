import { describe, expect, it } from 'vitest';
import { rangesFor } from '@/lib/content/highlight';

describe('finding the words to highlight in the page’s own text nodes', () => {
  it('maps offsets of the parsed text onto text nodes across elements and line breaks', () => {
    const el = document.createElement('div');
    el.innerHTML = 'Да вы <b>там</b> все<br>ох*ели, <span>сколько</span> можно';
    // As the adapters read it: <br> is a line break.
    const text = 'Да вы там все\nох*ели, сколько можно';
    const [r1, r2] = rangesFor(el, text, [
      { start: text.indexOf('ох*ели'), end: text.indexOf('ох*ели') + 6 },
      { start: text.indexOf('там'), end: text.indexOf('там') + 3 },
    ]);
    expect(r1!.toString()).toBe('ох*ели');
    expect(r2!.toString()).toBe('там');
  });

  it('skips Otklik’s own badges inside the element and finds nothing when the text is not there', () => {
    const el = document.createElement('div');
    el.innerHTML = 'плохо<div data-otklik-ui><span>Оскорбление</span></div>';
    expect(rangesFor(el, 'плохо', [{ start: 0, end: 5 }]).map(String)).toEqual(['плохо']);
    expect(rangesFor(el, 'другой текст', [{ start: 0, end: 5 }])).toEqual([]);
  });
});
