/**
 * The generated 2,000-comment VK page and the instrument that times Otklik on it: shared by
 * `npm run bench`, `npm run bench:profile` and `npm run bench:ab`.
 */
import type { Page } from 'playwright-core';

export const COMMENTS = 2000;
export const VIOLATIONS = COMMENTS / 10;
export const URL = 'https://vk.com/wall-123456_5000';

/**
 * Counts marks and badges as they appear. It starts watching at DOMContentLoaded: watching the
 * parser add 2,000 comments would slow the page down and move DOMContentLoaded itself (by ~100 ms
 * here), and every mark comes after it anyway. `__benchDone` resolves when both counts are full:
 * the caller waits on it instead of polling the page every frame, which would keep the page
 * drawing frames in the middle of the work measured.
 */
const INIT = `(() => {
  const w = window;
  let done;
  w.__benchDone = new Promise((resolve) => (done = resolve));
  w.__bench = { marked: 0, doneAt: null, firstAt: null, badges: 0, badgedAt: null };
  const check = () => { if (w.__bench.doneAt !== null && w.__bench.badgedAt !== null) done(); };
  document.addEventListener('DOMContentLoaded', () => new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName === 'data-otklik-comment' && r.oldValue === null) {
        const b = w.__bench; b.marked++; if (b.firstAt === null) b.firstAt = performance.now();
        if (b.marked === ${COMMENTS}) { b.doneAt = performance.now(); check(); }
      }
      if (r.type === 'childList') for (const n of r.addedNodes) if (n.nodeType === 1 && n.classList.contains('otklik-flags')) {
        const b = w.__bench; b.badges++; if (b.badges === ${VIOLATIONS}) { b.badgedAt = performance.now(); check(); }
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-otklik-comment'] }), { capture: true, once: true });
})();`;

/** Installs the instrument in a page before its first navigation. */
export async function watchPage(page: Page): Promise<void> {
  await page.addInitScript(INIT);
}

/** Waits until every comment is marked and every violation badged (30 s at most). */
export async function untilDone(page: Page): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('отметки и плашки не появились за 30 с')), 30_000);
  });
  try {
    await Promise.race([page.evaluate(() => (window as any).__benchDone), late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Timings {
  /** DOMContentLoaded's end, ms from the start of the navigation. */
  dcl: number;
  /** Every comment marked / the first one marked / every violation badged, ms from the start. */
  done: number;
  first: number;
  badged: number;
}

/** What the instrument saw; throws unless exactly the generated violations were flagged. */
export async function timings(page: Page): Promise<Timings> {
  const t = await page.evaluate(() => {
    const b = (window as any).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      dcl: nav.domContentLoadedEventEnd,
      done: b.doneAt as number,
      first: b.firstAt as number,
      badged: b.badgedAt as number,
      flagged: document.querySelectorAll('[data-otklik-flags]').length,
    };
  });
  // Exactly the generated violations, or the figures measure something else.
  if (t.flagged !== VIOLATIONS) throw new Error(`отмечено ${t.flagged} комментариев, а нарушений ${VIOLATIONS}`);
  return { dcl: t.dcl, done: t.done, first: t.first, badged: t.badged };
}

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
