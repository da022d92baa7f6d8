/**
 * `npm run bench`: the content script on a generated 2,000-comment VK page (10% violations) in real
 * Chromium. Measures when every comment is marked and every violation badged — from the start of
 * the navigation and after DOMContentLoaded — how much later DOMContentLoaded comes than without
 * the extension, the longest main-thread tasks that ran the content script's code (from a
 * Chromium trace), the longest rendering task after it compared with the same page without the
 * extension, and the content script's size.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumPath, EXTENSION_DIR, launch } from '../browser';
import { vkPostPage } from './generate';
import { taskFigures, traced, type TaskFigures } from './trace';

const COUNT = 2000;
const VIOLATIONS = COUNT / 10;
/** Runs measured (after one that warms the browser's caches): `BENCH_RUNS=n` to change. */
const RUNS = Number(process.env.BENCH_RUNS) || 7;
const URL = 'https://vk.com/wall-123456_5000';

/**
 * Counts marks and badges as they appear. It starts watching at DOMContentLoaded: watching the
 * parser add 2,000 comments would slow the page down and move DOMContentLoaded itself (by ~100 ms
 * here), and every mark comes after it anyway. `__benchDone` resolves when both counts are full:
 * the test waits on it instead of polling the page every frame, which would keep the page drawing
 * frames in the middle of the work measured.
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
        if (b.marked === ${COUNT}) { b.doneAt = performance.now(); check(); }
      }
      if (r.type === 'childList') for (const n of r.addedNodes) if (n.nodeType === 1 && n.classList.contains('otklik-flags')) {
        const b = w.__bench; b.badges++; if (b.badges === ${VIOLATIONS}) { b.badgedAt = performance.now(); check(); }
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-otklik-comment'] }), { capture: true, once: true });
})();`;

interface Run extends TaskFigures {
  dclMs: number;
  markedFromStartMs: number;
  markedMs: number;
  badgedMs: number;
  workMs: number;
}

async function within<T>(ms: number, work: Promise<T>, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function withExtension(html: string): Promise<Run[]> {
  const session = await launch();
  session.pages.set(URL, html);
  const runs: Run[] = [];
  try {
    for (let i = 0; i <= RUNS; i++) {
      const page = await session.context.newPage();
      await page.addInitScript(INIT);
      const events = await traced(session.context, page, async () => {
        await page.goto(URL);
        await within(30_000, page.evaluate(() => (window as any).__benchDone), 'отметки и плашки не появились за 30 с');
        await page.waitForTimeout(300);
      });
      const t = await page.evaluate(() => {
        const b = (window as any).__bench;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          dcl: nav.domContentLoadedEventEnd as number,
          done: b.doneAt as number,
          badged: b.badgedAt as number,
          first: b.firstAt as number,
          flagged: document.querySelectorAll('[data-otklik-flags]').length,
        };
      });
      // Exactly the generated violations, or the figures measure something else.
      if (t.flagged !== VIOLATIONS) throw new Error(`отмечено ${t.flagged} комментариев, а нарушений ${VIOLATIONS}`);
      // The first run warms the browser's caches.
      if (i > 0) {
        runs.push({
          dclMs: t.dcl,
          markedFromStartMs: t.done,
          markedMs: t.done - t.dcl,
          badgedMs: Math.max(t.badged, t.done) - t.dcl,
          workMs: t.done - t.first,
          ...taskFigures(events, 'content-scripts/vk.js'),
        });
      }
      await page.close();
    }
  } finally {
    await session.close();
  }
  return runs;
}

/** The same page in the same browser without the extension: the rendering the page costs anyway. */
async function withoutExtension(html: string): Promise<{ render: number; dcl: number }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-bare-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.route(/^https:\/\/vk\.com\//, (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  const out: { render: number; dcl: number }[] = [];
  try {
    for (let i = 0; i <= RUNS; i++) {
      const page = await context.newPage();
      // The same instrument as with the extension, so that DOMContentLoaded compares like with like.
      await page.addInitScript(INIT);
      const events = await traced(context, page, async () => {
        await page.goto(URL);
        await page.waitForTimeout(1200);
      });
      const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
      if (i > 0) out.push({ render: taskFigures(events, null).longestRenderTask, dcl });
      await page.close();
    }
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export async function benchPage() {
  const html = vkPostPage(COUNT);
  const runs = await withExtension(html);
  const bare = await withoutExtension(html);
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts/vk.js'));
  return {
    comments: COUNT,
    violations: VIOLATIONS,
    runs: RUNS,
    markedFromStartMs: Math.round(median(runs.map((r) => r.markedFromStartMs))),
    dclMs: Math.round(median(runs.map((r) => r.dclMs))),
    dclWithoutExtensionMs: Math.round(median(bare.map((b) => b.dcl))),
    markedAfterLoadMs: Math.round(median(runs.map((r) => r.markedMs))),
    badgedAfterLoadMs: Math.round(median(runs.map((r) => r.badgedMs))),
    markingMs: Math.round(median(runs.map((r) => r.workMs))),
    longestScriptTaskMs: Math.round(Math.max(...runs.map((r) => r.longestScriptTask))),
    longScriptTasks: Math.max(...runs.map((r) => r.longScriptTasks)),
    longestRenderTaskMs: Math.round(median(runs.map((r) => r.longestRenderTask))),
    longestRenderTaskWithoutExtensionMs: Math.round(median(bare.map((b) => b.render))),
    contentScriptBytes: script.length,
    contentScriptGzip: gzipSync(script, { level: 9 }).length,
  };
}
