import { describe, expect, it } from 'vitest';
import { createWorkClock } from '../../../lib/worktime';
import {
  applyEvent,
  deadlineReport,
  MessageSchema,
  replay,
  type Actor,
  type MessageEvent,
  type MessageState,
} from '../../../lib/workflow';
import { seeded } from '../../random';
import { CITY, DISTRICT, TRANSPORT, coExecutor, curator, executor } from './helpers';

const clock = createWorkClock();
const UNITS = [CITY, DISTRICT, TRANSPORT];

/** Every event one might try next, valid or not, with random actors and payloads. */
function candidates(rnd: ReturnType<typeof seeded>, at: number, state: MessageState): MessageEvent[] {
  // Mostly the units actually on the message, sometimes a stranger, so both paths get exercised.
  const units = (): string[] => [state.responsible?.department ?? CITY, ...state.coExecutors.map((c) => c.department)];
  const anyExecutor = (): Actor =>
    rnd.next() < 0.5 ? executor(rnd.next() < 0.8 ? units()[0]! : rnd.pick(UNITS)) : coExecutor(rnd.pick(rnd.next() < 0.8 ? units() : UNITS));
  const someone = (): Actor => (rnd.next() < 0.4 ? curator : anyExecutor());
  const e = (type: MessageEvent['type'], actor: Actor, payload: object) => ({ type, actor, at, payload }) as MessageEvent;
  const chosen = [...UNITS].sort(() => rnd.next() - 0.5).slice(0, rnd.int(1, 3));
  return [
    e('categorised', someone(), { importance: rnd.pick(['normal', 'high']) }),
    e('routed', someone(), { executors: chosen.map((department) => ({ department })) }),
    e('returnedToCurator', anyExecutor(), { reason: 'не наша компетенция' }),
    e('coExecutorInformationSent', anyExecutor(), {}),
    e('draftSubmitted', someone(), { kind: rnd.pick(['final', 'intermediate']) }),
    e('draftReturned', someone(), { remarks: 'доработать' }),
    e('draftResubmitted', someone(), {}),
    e('draftApproved', someone(), {}),
    e('published', someone(), {}),
    e('finalReplyDueSet', someone(), { due: at + rnd.int(1, 20) * 3_600_000 }),
    e('repeatLinked', someone(), { earlierMessageId: 'vk:-1_1' }),
    e('notProcessed', rnd.next() < 0.1 ? curator : anyExecutor(), { reason: 'insult' }),
    e('socialSignificanceSet', someone(), { significant: rnd.next() < 0.5 }),
    e('received', curator, { importance: 'normal' }),
  ];
}

/** A random history the reducer accepts, and how many refused attempts were made along the way. */
function history(seed: number) {
  const rnd = seeded(seed);
  let at = Date.parse('2025-01-13T09:00+06:00') + rnd.int(0, 300) * 86_400_000;
  const events: MessageEvent[] = [{ type: 'received', actor: curator, at, payload: { importance: rnd.pick(['normal', 'high']) } }];
  let state = replay(events);
  const states: MessageState[] = [state];
  let refused = 0;
  for (let step = 0; step < 25; step++) {
    at += rnd.int(0, 90) * 60_000;
    const tries = candidates(rnd, at, state).sort(() => rnd.next() - 0.5);
    for (const event of tries) {
      const r = applyEvent(state, event);
      if (!r.ok) {
        refused++;
        continue;
      }
      events.push(event);
      state = r.state;
      states.push(state);
      break;
    }
  }
  return { events, states, refused };
}

describe('state is derived from events (seeded random histories)', () => {
  it('replaying the events gives the same state as applying them one by one', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const { events, states } = history(seed);
      expect(replay(events)).toEqual(states.at(-1));
      for (let k = 1; k <= events.length; k++) expect(replay(events.slice(0, k))).toEqual(states[k - 1]);
    }
  });

  it('a stored and reloaded history (JSON, zod) replays to the same state', () => {
    for (let seed = 200; seed <= 260; seed++) {
      const { events } = history(seed);
      const stored = JSON.parse(JSON.stringify({ id: `m${seed}`, site: 'vk', events }));
      const loaded = MessageSchema.parse(stored);
      expect(replay(loaded.events)).toEqual(replay(events));
    }
  });

  it('the histories walk the whole lifecycle', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 150; seed++) for (const s of history(seed).states) seen.add(s.status);
    expect([...seen].sort()).toEqual(
      ['approved', 'awaitingFinalReply', 'draftResubmitted', 'draftSubmitted', 'notProcessed', 'published', 'received', 'returnedForRevision', 'returnedToCurator', 'routed'].sort(),
    );
  });

  it('refused events leave no trace: the histories still replay', () => {
    let refused = 0;
    for (let seed = 300; seed <= 340; seed++) {
      const h = history(seed);
      refused += h.refused;
      expect(() => replay(h.events)).not.toThrow();
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('every computed deadline falls in working time or at the end of a working interval', () => {
    for (let seed = 400; seed <= 460; seed++) {
      const { events } = history(seed);
      const state = replay(events);
      const r = deadlineReport(state, clock, state.lastEventAt);
      for (const d of r.all) {
        if (d.due === null || d.due === state.finalReplyDue) continue;
        expect(clock.isWorkingTime(d.due) || (clock.isWorkingTime(d.due - 1) && !clock.isWorkingTime(d.due))).toBe(true);
      }
      for (const v of r.violations) expect(['late', 'missed']).toContain(v.status);
      if (r.next) expect(r.next.due).toBeGreaterThanOrEqual(state.lastEventAt);
    }
  });
});
