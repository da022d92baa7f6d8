/**
 * `npm run bench`: the content script on a generated 2,000-comment VK page (10% violations) in real
 * Chromium. Measures when every comment is marked and every violation badged — from the start of
 * the navigation and after DOMContentLoaded — how much later DOMContentLoaded comes than without
 * the extension, the longest main-thread tasks that ran the content script's code (from a
 * Chromium trace), the longest rendering task after it compared with the same page without the
 * extension, and the content script's size. Then the marks and badges alone on a generated OK
 * discussion of as many comments.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, EXTENSION_DIR, launch } from '../browser';
import { OK_TOPIC_URL, okTopicPage, vkPostPage } from './generate';
import { COMMENTS, median, timings, untilDone, URL, VIOLATIONS, watchPage } from './page-watch';
import { taskFigures, traced, type TaskFigures } from './trace';

/** Runs measured (after one that warms the browser's caches): `BENCH_RUNS=n` to change. */
const RUNS = Number(process.env.BENCH_RUNS) || 7;
/** `BENCH_CPU=2`: the page's processor slowed down that many times (Chromium's throttling), as on an old office computer. */
const CPU = Number(process.env.BENCH_CPU) || 1;

async function slowDown(context: BrowserContext, page: Page, cpu = CPU) {
  if (cpu === 1) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
}

/** How slow a processor and how many runs: `BENCH_CPU` and `BENCH_RUNS` unless given. */
export interface PageBenchOptions {
  cpu?: number;
  runs?: number;
}

interface Run extends TaskFigures {
  dclMs: number;
  markedFromStartMs: number;
  markedMs: number;
  badgedMs: number;
  workMs: number;
}

async function withExtension(html: string, { cpu = CPU, runs: count = RUNS }: PageBenchOptions = {}): Promise<Run[]> {
  const session = await launch();
  session.pages.set(URL, html);
  const runs: Run[] = [];
  try {
    for (let i = 0; i <= count; i++) {
      const page = await session.context.newPage();
      await watchPage(page);
      await slowDown(session.context, page, cpu);
      const events = await traced(session.context, page, async () => {
        await page.goto(URL, { timeout: 120_000 });
        await untilDone(page);
        await page.waitForTimeout(300);
      });
      const t = await timings(page);
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
async function withoutExtension(html: string, { cpu = CPU, runs = RUNS }: PageBenchOptions = {}): Promise<{ render: number; dcl: number }[]> {
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
    for (let i = 0; i <= runs; i++) {
      const page = await context.newPage();
      // The same instrument as with the extension, so that DOMContentLoaded compares like with like.
      await watchPage(page);
      await slowDown(context, page, cpu);
      const events = await traced(context, page, async () => {
        await page.goto(URL, { timeout: 120_000 });
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

export async function benchPage(options: PageBenchOptions = {}) {
  const html = vkPostPage(COMMENTS);
  const runs = await withExtension(html, options);
  const bare = await withoutExtension(html, options);
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts/vk.js'));
  return {
    comments: COMMENTS,
    violations: VIOLATIONS,
    runs: options.runs ?? RUNS,
    cpuSlowdown: options.cpu ?? CPU,
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

/** The same measure on a generated OK discussion of as many comments: marks and badges only. */
export async function benchOkPage() {
  const session = await launch();
  session.pages.set(OK_TOPIC_URL, okTopicPage(COMMENTS));
  const marked: number[] = [];
  const badged: number[] = [];
  try {
    for (let i = 0; i <= RUNS; i++) {
      const page = await session.context.newPage();
      await watchPage(page);
      await slowDown(session.context, page);
      await page.goto(OK_TOPIC_URL);
      await untilDone(page);
      const t = await timings(page);
      await page.close();
      // The first run warms the browser's caches.
      if (i > 0) {
        marked.push(t.done - t.dcl);
        badged.push(Math.max(t.badged, t.done) - t.dcl);
      }
    }
  } finally {
    await session.close();
  }
  return {
    comments: COMMENTS,
    violations: VIOLATIONS,
    runs: RUNS,
    markedAfterLoadMs: Math.round(median(marked)),
    badgedAfterLoadMs: Math.round(median(badged)),
  };
}
