/**
 * Deadlines for 100,000 messages received across 2020–2027: each history is replayed and its full
 * deadline report computed, as the queue does. Target: under 1 s in total.
 * `npx tsx test/bench/deadlines.bench.ts`, or `benchDeadlines()` from `npm run bench`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createWorkClock } from '../../lib/worktime/clock';
import { deadlineReport } from '../../lib/workflow/deadlines';
import { replay } from '../../lib/workflow/reducer';
import type { Actor, MessageEvent } from '../../lib/workflow/schema';
import { seeded } from '../random';

const MESSAGES = 100_000;
const FROM = Date.parse('2020-01-01T00:00:00+06:00');
// Late enough in 2027 that §11's seven working days still end inside the calendar.
const TO = Date.parse('2027-12-15T00:00:00+06:00');
const MINUTE = 60_000;

const curator: Actor = { role: 'curator', name: 'Куратор' };
const executor: Actor = { role: 'executor', name: 'Исполнитель', department: 'Департамент городского хозяйства' };
const coExecutor: Actor = { role: 'coExecutor', name: 'Соисполнитель', department: 'Администрация округа' };

/** Deterministic inputs: a fixed generator, so runs compare. */
function histories(): MessageEvent[][] {
  const rnd = seeded(0x2545f491).next;
  const out: MessageEvent[][] = [];
  for (let i = 0; i < MESSAGES; i++) {
    let at = FROM + Math.floor(rnd() * (TO - FROM));
    const step = (minutes: number) => (at += Math.floor(rnd() * minutes) * MINUTE);
    const importance = rnd() < 0.2 ? 'high' : 'normal';
    const joint = rnd() < 0.3;
    const intermediate = rnd() < 0.1;
    const events: MessageEvent[] = [{ type: 'received', actor: curator, at, payload: { importance } }];
    events.push({
      type: 'routed',
      actor: curator,
      at: step(60),
      payload: { executors: joint ? [{ department: executor.department! }, { department: coExecutor.department! }] : [{ department: executor.department! }] },
    });
    if (joint) events.push({ type: 'coExecutorInformationSent', actor: coExecutor, at: step(180), payload: {} });
    events.push({ type: 'draftSubmitted', actor: executor, at: step(300), payload: { kind: intermediate ? 'intermediate' : 'final' } });
    if (rnd() < 0.3) {
      events.push({ type: 'draftReturned', actor: curator, at: step(60), payload: { remarks: 'доработать' } });
      events.push({ type: 'draftResubmitted', actor: executor, at: step(90), payload: {} });
    }
    events.push({ type: 'draftApproved', actor: curator, at: step(60), payload: {} });
    if (rnd() < 0.8) events.push({ type: 'published', actor: curator, at: step(60), payload: {} });
    out.push(events);
  }
  return out;
}

export async function benchDeadlines(): Promise<{ messages: number; ms: number }> {
  const inputs = histories();
  // A fresh clock: building the days of eight years lazily is part of the cost.
  const clock = createWorkClock();
  const started = performance.now();
  let deadlines = 0;
  for (const events of inputs) {
    const state = replay(events);
    deadlines += deadlineReport(state, clock, state.lastEventAt + 60 * MINUTE).all.length;
  }
  const ms = performance.now() - started;
  if (deadlines < MESSAGES * 3) throw new Error(`too few deadlines computed: ${deadlines}`);
  return { messages: inputs.length, ms };
}

// Run standalone only when this file is the entry point, not when `npm run bench` imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { messages, ms } = await benchDeadlines();
  const verdict = ms < 1000 ? 'ok' : 'SLOW';
  console.log(`deadlines: ${messages.toLocaleString('en')} messages (2020–2027) in ${ms.toFixed(0)} ms — target < 1000 ms: ${verdict}`);
}
