/** What the layout tests check on a page of the side panel: nothing sticks out sideways, no text is below WCAG AA. */
import type { Page } from 'playwright-core';

/** Elements that stick out of the window on the right, outside any sideways-scrolling box of their own. */
export async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`страница шире окна: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (!r.width || r.right <= width + 0.5) continue;
      let clipped = false;
      for (let p = el.parentElement; p && !clipped; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible' && p.getBoundingClientRect().right <= width + 0.5) clipped = true;
      }
      if (!clipped) out.push(`${el.tagName.toLowerCase()}.${el.className}: right ${Math.round(r.right)} > ${width}`);
    }
    return out.slice(0, 10);
  });
}

/**
 * Text below WCAG AA contrast (4.5:1, or 3:1 for large text) against the background it is drawn on:
 * the first opaque background of the element or its ancestors. Disabled controls are exempt.
 */
export async function lowContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
      if (!own || !el.getClientRects().length || el.closest(':disabled, [aria-disabled="true"], svg')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
      let bg: number[] | null = null;
      for (let p: HTMLElement | null = el; p && !bg; p = p.parentElement) {
        const c = rgb(getComputedStyle(p).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! >= 0.99)) bg = c.slice(0, 3);
      }
      const fg = rgb(style.color).slice(0, 3);
      const [a, b] = [lum(fg), lum(bg ?? [255, 255, 255])].sort((x, y) => y - x);
      const ratio = (a! + 0.05) / (b! + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5) - 0.01) out.push(`«${el.textContent!.trim().slice(0, 30)}» ${style.color} на rgb(${bg}) — ${ratio.toFixed(2)}:1`);
    }
    return [...new Set(out)].slice(0, 12);
  });
}
