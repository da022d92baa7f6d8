/**
 * A popular post in real Chromium: its comments keep loading as the moderator scrolls, 500 at a
 * time, to 10,000 — each batch's cost (the batch put in → every comment of it marked and its
 * violations badged, painted) must stay flat, with no work growing with what is already on the page.
 * Then ten in-site navigations (VK changes the address and the thread without loading a page), each
 * to another post of 2,000 comments: the page's memory after the tenth must be back where it was
 * after the first (no observers, badges or indexes kept for pages left). Everything again on the
 * same page without the extension, in the same run, for what the page itself costs.
 * `npx tsx test/bench/thread.bench.ts`, or `benchThread()` from `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, launch } from '../browser';
import { vkComments, vkPostPage } from './generate';

const URL = 'https://vk.com/wall-123456_5000';
const FIRST = 500;
const BATCH = 500;
const TOTAL = 10_000;
const NAVIGATIONS = 10;
const PER_NAVIGATION = 2000;

/** Counts marks and badges as they appear; `__untilCounts(m, b)` resolves at the frame after both are reached. */
const INIT = `(() => {
  const w = window;
  // The functions handed to page.evaluate are compiled by tsx, which names them with this helper.
  w.__name = w.__name || ((f) => f);
  w.__marks = 0; w.__badges = 0; w.__waits = [];
  const check = () => {
    w.__waits = w.__waits.filter((x) => {
      if (w.__marks < x.m || w.__badges < x.b) return true;
      requestAnimationFrame(() => setTimeout(() => x.resolve(performance.now()), 0));
      return false;
    });
  };
  w.__untilCounts = (m, b) => new Promise((resolve) => { w.__waits.push({ m, b, resolve }); check(); });
  document.addEventListener('DOMContentLoaded', () => new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.oldValue === null) w.__marks++;
      if (r.type === 'childList') for (const n of r.addedNodes) if (n.nodeType === 1 && n.classList.contains('otklik-flags')) w.__badges++;
    }
    check();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-otklik-comment'] }), { capture: true, once: true });
})();`;

type W = Window & { __marks: number; __badges: number; __untilCounts(m: number, b: number): Promise<number> };

async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return Math.round(((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576) * 10) / 10;
}

interface Figures {
  batchMs: number[];
  heapBeforeMb: number;
  heapAfterNavigationsMb: number;
  navigationMs: number[];
}

/**
 * The scroll and the navigations, on a page with or without the extension. `marks`: whether to wait
 * for Otklik's marks and badges (without the extension, the frame after the batch is put in).
 */
async function run(context: BrowserContext, marks: boolean, cpu: number): Promise<Figures> {
  const page = await context.newPage();
  await page.addInitScript(INIT);
  if (cpu > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  }
  await page.goto(URL);
  if (marks) await page.evaluate(([m, b]) => (window as unknown as W).__untilCounts(m!, b!), [FIRST, FIRST / 10]);
  // Reads `marks` inside the page: passed along with the counts.
  await page.evaluate((m) => ((window as unknown as { __withMarks: boolean }).__withMarks = m), marks);

  const batchMs: number[] = [];
  for (let from = FIRST; from < TOTAL; from += BATCH) {
    const html = vkComments(from, BATCH);
    const ms = await page.evaluate(
      async ([html, m, b]) => {
        const w = window as unknown as W & { __withMarks: boolean };
        const root = document.querySelector('[data-testid="wall_comments_layout_root"]')!;
        const t = performance.now();
        root.insertAdjacentHTML('beforeend', html as string);
        // The moderator scrolls down to what has just loaded.
        document.scrollingElement!.scrollTop = document.scrollingElement!.scrollHeight;
        const end = w.__withMarks ? await w.__untilCounts(m as number, b as number) : await new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
        return end - t;
      },
      [html, from + BATCH, (from + BATCH) / 10] as const,
    );
    batchMs.push(Math.round(ms));
  }

  // In-site navigations: a new address, a new thread of 2,000 comments in place of the old one.
  const navigationMs: number[] = [];
  let heapBeforeMb = 0;
  let marked = TOTAL;
  let badged = TOTAL / 10;
  for (let k = 1; k <= NAVIGATIONS; k++) {
    const html = vkComments(TOTAL + k * PER_NAVIGATION, PER_NAVIGATION, 10, -123456, 5000 + k);
    marked += PER_NAVIGATION;
    badged += PER_NAVIGATION / 10;
    const ms = await page.evaluate(
      async ([html, k, m, b]) => {
        const w = window as unknown as W & { __withMarks: boolean };
        const t = performance.now();
        history.pushState({}, '', `/wall-123456_${5000 + (k as number)}`);
        const post = document.querySelector('[data-testid="post"]')!;
        post.setAttribute('data-post-id', `-123456_${5000 + (k as number)}`);
        document.querySelector('[data-testid="wall_comments_layout_root"]')!.innerHTML = html as string;
        document.scrollingElement!.scrollTop = 0;
        const end = w.__withMarks ? await w.__untilCounts(m as number, b as number) : await new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
        return end - t;
      },
      [html, k, marked, badged] as const,
    );
    navigationMs.push(Math.round(ms));
    // The extension notices a new address within a second (WXT checks it once a second): let it settle.
    await page.waitForTimeout(1500);
    if (k === 1) heapBeforeMb = await heapMb(context, page);
  }
  const heapAfterNavigationsMb = await heapMb(context, page);
  await page.close();
  return { batchMs, heapBeforeMb, heapAfterNavigationsMb, navigationMs };
}

export interface ThreadBench {
  comments: number;
  batch: number;
  firstBatchMs: number;
  lastBatchMs: number;
  heapBeforeMb: number;
  heapAfterNavigationsMb: number;
  batchMs: number[];
  navigationMs: number[];
  withoutExtension: Omit<Figures, 'navigationMs'> & { firstBatchMs: number; lastBatchMs: number };
}

const mean = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) / xs.length);

export async function benchThread(cpu = Number(process.env.BENCH_CPU) || 1): Promise<ThreadBench> {
  const html = vkPostPage(FIRST);
  const session = await launch();
  session.pages.set(URL, html);
  let ext: Figures;
  try {
    ext = await run(session.context, true, cpu);
  } finally {
    await session.close();
  }
  const dir = mkdtempSync(join(tmpdir(), 'otklik-bare-'));
  const bareContext = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await bareContext.route(/^https:\/\/vk\.com\//, (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  let bare: Figures;
  try {
    bare = await run(bareContext, false, cpu);
  } finally {
    await bareContext.close();
    rmSync(dir, { recursive: true, force: true });
  }
  // The first and the last three batches, averaged: one batch is noisy on a shared machine.
  const ends = (xs: number[]) => ({ firstBatchMs: mean(xs.slice(0, 3)), lastBatchMs: mean(xs.slice(-3)) });
  return {
    comments: TOTAL,
    batch: BATCH,
    ...ends(ext.batchMs),
    heapBeforeMb: ext.heapBeforeMb,
    heapAfterNavigationsMb: ext.heapAfterNavigationsMb,
    batchMs: ext.batchMs,
    navigationMs: ext.navigationMs,
    withoutExtension: { ...ends(bare.batchMs), batchMs: bare.batchMs, heapBeforeMb: bare.heapBeforeMb, heapAfterNavigationsMb: bare.heapAfterNavigationsMb },
  };
}

export function printThread(t: ThreadBench) {
  const b = t.withoutExtension;
  console.log(`Длинное обсуждение ВКонтакте: комментарии подгружаются по ${t.batch} до ${t.comments.toLocaleString('ru-RU')}, затем ${NAVIGATIONS} переходов внутри сайта:`);
  console.log(`  пачка: первые / последние        ${t.firstBatchMs} / ${t.lastBatchMs} мс (без расширения ${b.firstBatchMs} / ${b.lastBatchMs} мс)`);
  console.log(`  все пачки                        ${t.batchMs.join(' ')} мс`);
  console.log(`  память: после 1-го / 10-го перехода ${t.heapBeforeMb} / ${t.heapAfterNavigationsMb} МБ (без расширения ${b.heapBeforeMb} / ${b.heapAfterNavigationsMb} МБ)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const t = await benchThread();
  printThread(t);
  console.log(JSON.stringify({ longThread: t }));
}
