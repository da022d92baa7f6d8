/**
 * Main-thread tasks from a Chromium trace, split into the content script's own work (its script
 * and the microtasks it queues) and rendering work that follows it.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string } };
}

export interface TaskFigures {
  /** Longest main-thread task that ran the content script's code and no rendering, ms. */
  longestScriptTask: number;
  /** Longest task with rendering (style, layout, pre-paint) after the content script started, ms. */
  longestRenderTask: number;
  /** Tasks over 50 ms that ran the content script's code. */
  longScriptTasks: number;
}

export async function traced(context: BrowserContext, page: Page, run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint']);

/** `scriptUrl` is a part of the content script's address, e.g. 'content-scripts/vk.js'. */
export function taskFigures(events: TraceEvent[], scriptUrl: string | null): TaskFigures {
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur);
  const inside = (t: TraceEvent) => events.filter((e) => e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur! && e !== t);
  const scriptStart = scriptUrl
    ? Math.min(...events.filter((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.includes(scriptUrl)).map((e) => e.ts))
    : Math.min(...events.filter((e) => e.name === 'MarkDOMContent').map((e) => e.ts));
  let longestScriptTask = 0;
  let longestRenderTask = 0;
  let longScriptTasks = 0;
  for (const t of tasks) {
    if (t.ts < scriptStart) continue;
    const children = inside(t);
    const ours =
      scriptUrl !== null &&
      children.some((e) => (e.args?.data?.url?.includes(scriptUrl) ?? false) || (e.name === 'RunMicrotasks' && (e.dur ?? 0) > 1000));
    const renders = children.some((e) => RENDER.has(e.name));
    const ms = t.dur! / 1000;
    // A frame that lays the page out after our writes counts as rendering, even if a callback of
    // ours ran at its start: the layout of 2,000 comments is what makes it long.
    if (renders) longestRenderTask = Math.max(longestRenderTask, ms);
    else if (ours) {
      longestScriptTask = Math.max(longestScriptTask, ms);
      if (ms > 50) longScriptTasks++;
    }
  }
  return { longestScriptTask, longestRenderTask, longScriptTasks };
}
