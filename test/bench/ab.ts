/**
 * `npm run bench:ab -- <dirA> <dirB> [runs]`: two builds of the extension on the 2,000-comment page,
 * run in turns (A B, B A, …) so that the machine's changing load falls on both alike. Prints, for
 * each, the median time from DOMContentLoaded until every comment is marked and every violation
 * badged. This machine's figures move by a third from one minute to the next: a change is worth
 * what it gains here, run against its own base, not against yesterday's README.
 *
 *   npm run build && cp -r .output/chrome-mv3 /tmp/a   # the base
 *   (change, then) npm run build && npm run bench:ab -- /tmp/a .output/chrome-mv3
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, type Session } from '../browser';
import { vkPostPage } from './generate';
import { COMMENTS, median, timings, untilDone, URL, watchPage } from './page-watch';

const [dirA, dirB, runsArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('Укажите две сборки: npm run bench:ab -- <папка A> <папка B> [прогонов]');
  process.exit(2);
}
for (const dir of [dirA, dirB]) {
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`${dir}: нет manifest.json — это не сборка расширения`);
    process.exit(2);
  }
}
const RUNS = Number(runsArg) || 10;

const html = vkPostPage(COMMENTS);
const sessions: Record<'A' | 'B', Session> = {
  A: await launch({ extension: resolve(dirA) }),
  B: await launch({ extension: resolve(dirB) }),
};
const figures: Record<'A' | 'B', number[]> = { A: [], B: [] };
try {
  for (const s of Object.values(sessions)) s.pages.set(URL, html);
  for (let run = 0; run <= RUNS; run++) {
    for (const which of run % 2 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
      const page = await sessions[which].context.newPage();
      await watchPage(page);
      await page.goto(URL);
      await untilDone(page);
      const t = await timings(page);
      await page.close();
      // The first round warms both browsers' caches.
      if (run > 0) figures[which].push(Math.max(t.badged, t.done) - t.dcl);
    }
  }
} finally {
  for (const s of Object.values(sessions)) await s.close();
}

console.log(`Отмечено и с плашками, мс после DOMContentLoaded (${RUNS} прогонов каждой сборки по очереди):`);
for (const which of ['A', 'B'] as const) {
  const xs = figures[which];
  console.log(`  ${which} ${which === 'A' ? dirA : dirB}: медиана ${median(xs).toFixed(0)}, от ${Math.min(...xs).toFixed(0)} до ${Math.max(...xs).toFixed(0)}`);
}
