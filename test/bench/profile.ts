/**
 * `npm run bench:profile`: where the content script spends its time on the 2,000-comment page.
 * Builds without minification (function names kept), samples the page's main thread with V8's
 * profiler from navigation until every comment is marked and badged, and prints, per function of
 * the content script, its own time and its time with what it calls (ms per run, averaged over the
 * runs). `-- --under name` prints the call tree below the functions of that name.
 *
 * For finding the work to cut, not for figures: the README's figures come from `npm run bench`.
 */
import { execSync } from 'node:child_process';
import { launch, ROOT } from '../browser';
import { vkPostPage } from './generate';
import { COMMENTS, untilDone, URL, watchPage } from './page-watch';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const RUNS = Number(process.env.BENCH_RUNS) || 4;
const args = process.argv.slice(2);
const under = args.includes('--under') ? args[args.indexOf('--under') + 1] : undefined;
const SCRIPT = 'content-scripts/vk.js';

execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, OTKLIK_NOMINIFY: '1' } });

const own = new Map<string, number>();
const total = new Map<string, number>();
const tree = new Map<string, number>();
const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);

const session = await launch();
session.pages.set(URL, vkPostPage(COMMENTS));
try {
  for (let run = 0; run <= RUNS; run++) {
    const page = await session.context.newPage();
    await watchPage(page);
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(URL);
    await untilDone(page);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await page.close();
    // The first run warms the browser's caches.
    if (run === 0) continue;

    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ours = (n: ProfileNode) => n.callFrame.url.includes(SCRIPT);
    const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`;
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const leaf = byId.get(id)!;
      if (ours(leaf)) add(own, name(leaf), ms);
      const stack: ProfileNode[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.unshift(byId.get(at)!);
      for (const key of new Set(stack.filter(ours).map(name))) add(total, key, ms);
      if (under) {
        const from = stack.findIndex((n) => n.callFrame.functionName === under);
        if (from < 0) return;
        const path = stack.slice(from, from + 6).map((n) => (ours(n) ? name(n) : n.callFrame.functionName || '(native)'));
        for (let d = 1; d <= path.length; d++) add(tree, path.slice(0, d).join(' > '), ms);
      }
    });
  }
} finally {
  await session.close();
}

const rows = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / RUNS).toFixed(1).padStart(7)} мс  ${k}`);
console.log(`Контент-скрипт на странице из ${COMMENTS} комментариев (${RUNS} прогона, строки — ${SCRIPT} без минификации):`);
if (under) {
  for (const [k, v] of [...tree].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (v / RUNS < 0.3) continue;
    const depth = k.split(' > ').length - 1;
    console.log(`${(v / RUNS).toFixed(1).padStart(7)} мс  ${'  '.repeat(depth)}${k.split(' > ').pop()}`);
  }
} else {
  console.log('\nСвоё время:');
  for (const r of rows(own, 25)) console.log(r);
  console.log('\nС вызванным:');
  for (const r of rows(total, 25)) console.log(r);
}
console.log('\nСборка без минификации: перед тестами и замерами соберите снова (npm test, npm run bench делают это сами).');
