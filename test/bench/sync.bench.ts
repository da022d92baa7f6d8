/**
 * `npm run bench:sync`: team sync against a real nats-server on 127.0.0.1.
 *
 * 1. Latency: 300 connected clients (Node, each an executor's ordered consumer on the department's
 *    stream, as browsers keep one open) and one curator; the time from the curator's publish to its
 *    arrival at one executor, p50 and p99 of 300 events; the server's memory.
 * 2. A fresh browser joins: 50 000 messages with 270 000 events in the department's stream (written
 *    by Node as the curator's browser would), then a new Chromium with the built extension signs in
 *    as the executor; the time until its queue holds all 50 000.
 *
 * `BENCH_JOIN=0` skips part 2; `BENCH_MESSAGES=n` sets its size. Needs `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { jetstream } from '@nats-io/jetstream';
import type { MessageEvent } from '../../lib/workflow/schema';
import { envelopeOf } from '../../lib/sync/envelope';
import { departmentStream, messageSubject } from '../../lib/sync/subjects';
import { messageRecord } from '../messages';
import { DEPT_A, startNats } from '../nats';
import { teamExtension, teamMember } from '../team';

const CLIENTS = 300;
const SAMPLES = 300;
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 50_000);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const rss = (pid: number | undefined) => (pid ? Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024 : 0);

const nats = await startNats();
const stream = departmentStream(DEPT_A);
const curator = { role: 'curator', name: 'Куратор' } as const;
try {
  // ---- 1. latency with a crowd
  const crowd = await Promise.all(Array.from({ length: CLIENTS }, () => nats.connect('exa')));
  const readers = await Promise.all(
    crowd.map(async (nc) => {
      const c = await jetstream(nc).consumers.get(stream, {});
      return c.consume();
    }),
  );
  const arrived = new Map<string, number>();
  void (async () => {
    for await (const m of readers[0]!) arrived.set(m.subject, performance.now());
  })();
  for (const r of readers.slice(1)) void (async () => { for await (const _ of r) void _; })();
  const cur = jetstream(await nats.connect('cur'));
  const lat: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const id = `LAT${i}`;
    const e: MessageEvent = { id: `lat-${i}`, type: 'received', actor: curator, at: Date.now(), payload: { importance: 'normal' } };
    const subject = messageSubject({ department: DEPT_A }, id, 'curator', 'cur', 'received');
    const t0 = performance.now();
    await cur.publish(subject, JSON.stringify(envelopeOf(messageRecord(id, [e]), e, 'cur')), { msgID: e.id! });
    while (!arrived.has(subject)) await new Promise((r) => setImmediate(r));
    lat.push(arrived.get(subject)! - t0);
  }
  console.log(`куратор → исполнитель при ${CLIENTS} подключённых: p50 ${pct(lat, 50).toFixed(1)} мс, p99 ${pct(lat, 99).toFixed(1)} мс; память сервера ${rss(nats.pid()).toFixed(0)} МБ`);
  for (const r of readers) r.stop();
  await Promise.all(crowd.map((nc) => nc.close()));

  // ---- 2. a fresh browser joins
  if (process.env.BENCH_JOIN !== '0') {
    const t0 = performance.now();
    let events = 0;
    const day = Date.UTC(2026, 0, 12, 3, 0);
    const batch: Promise<unknown>[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const at = day + (i % 200) * 86_400_000 + (i % 480) * 60_000;
      const id = `J${i}`;
      const exec = { role: 'executor', name: 'Исполнитель', department: DEPT_A } as const;
      const list: MessageEvent[] = [
        { id: `${id}-1`, type: 'received', actor: curator, at, payload: { importance: i % 7 ? 'normal' : 'high', topic: 'ЖКХ' } },
        { id: `${id}-2`, type: 'routed', actor: curator, at: at + 600_000, payload: { executors: [{ department: DEPT_A }] } },
        { id: `${id}-3`, type: 'draftSubmitted', actor: exec, at: at + 3_600_000, payload: { kind: 'final', text: 'Проект ответа' } },
        { id: `${id}-4`, type: 'draftApproved', actor: curator, at: at + 4_000_000, payload: {} },
        { id: `${id}-5`, type: 'published', actor: exec, at: at + 5_000_000, payload: {} },
      ];
      // Some messages go back for revision once: 270 000 events in all at 50 000 messages.
      if (i % 5 === 0) list.splice(4, 0, { id: `${id}-r`, type: 'draftReturned', actor: curator, at: at + 3_800_000, payload: { remarks: 'Уточнить' } }, { id: `${id}-s`, type: 'draftResubmitted', actor: exec, at: at + 3_900_000, payload: { text: 'Проект 2' } });
      const record = messageRecord(id, list, { text: `Сообщение ${i}`, author: `Житель ${i % 997}` });
      for (const e of list) {
        batch.push(cur.publish(messageSubject({ department: DEPT_A }, id, 'curator', 'cur', e.type), JSON.stringify(envelopeOf(record, e, 'cur')), { msgID: e.id! }));
        events++;
      }
      if (batch.length >= 2000) await Promise.all(batch.splice(0));
    }
    await Promise.all(batch);
    console.log(`в журнал записано ${MESSAGES} сообщений, ${events} событий за ${((performance.now() - t0) / 1000).toFixed(1)} с; память сервера ${rss(nats.pid()).toFixed(0)} МБ`);

    const extension = teamExtension();
    const member = await teamMember(extension, { role: 'executor', userName: 'Исполнитель', department: DEPT_A });
    await member.context.serviceWorkers()[0]!.evaluate((on) => ((globalThis as { OTK_PROFILE?: boolean }).OTK_PROFILE = on), Boolean(process.env.BENCH_VERBOSE));
    member.context.on('console', (m) => { if (m.text().startsWith('otklik-apply')) console.log('   ', m.text(), Math.round(performance.now() - t1)); });
    const watcher = await member.context.newPage();
    await watcher.goto(`chrome-extension://${member.extensionId}/options.html`);
    if (process.env.BENCH_PANEL === '0') await member.side.goto('about:blank');
    const t1 = performance.now();
    await watcher.evaluate(([url, password]) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ teamServer: { url, login: 'exa' }, teamSecret: password }), [nats.wsUrl, nats.password('exa')] as const);
    let count = 0;
    let last = 0;
    while (count < MESSAGES) {
      await new Promise((r) => setTimeout(r, 250));
      count = await watcher.evaluate(async () => {
        const open = indexedDB.open('otklik');
        const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
        const n: number = await new Promise((r) => {
          const q = db.transaction('summaries').objectStore('summaries').count();
          q.onsuccess = () => r(q.result);
        });
        db.close();
        return n;
      });
      if (performance.now() - last > 5000) {
        last = performance.now();
        console.log(`  … ${count} из ${MESSAGES} за ${((performance.now() - t1) / 1000).toFixed(1)} с`);
      }
      if (performance.now() - t1 > 600_000) break;
    }
    console.log(`новый браузер догнал журнал: ${count} сообщений в очереди за ${((performance.now() - t1) / 1000).toFixed(1)} с (цель ≤ 20 с)`);
    await member.close();
  }
} finally {
  await nats.stop();
}
process.exit(0);
