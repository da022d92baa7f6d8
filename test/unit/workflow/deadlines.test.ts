import { describe, expect, it } from 'vitest';
import { createWorkClock } from '../../../lib/worktime';
import { deadlineReport, deadlinesOf, initialDeadlines, replay, type DeadlineReport, type MessageEvent } from '../../../lib/workflow';
import { CITY, DISTRICT, coExecutor, curator, ev, executor, omsk } from './helpers';

const clock = createWorkClock();
const show = (t: number | null | undefined) => (t == null ? t : clock.format(t));

function report(events: MessageEvent[], now: string): DeadlineReport {
  return deadlineReport(replay(events), clock, omsk(now));
}
const summary = (r: DeadlineReport, list: 'applicable' | 'violations' | 'all') =>
  r[list].map((d) => [d.name, show(d.due), d.status, d.responsible.role === 'curator' ? 'curator' : d.responsible.department]);

const received = (importance: 'normal' | 'high' = 'normal') => ev('received', curator, '2025-09-16T11:00', { importance });

describe('deadlines from T0 (the card of a new message)', () => {
  it.each([
    ['normal', '2025-09-16T11:00', '2025-09-16T11:30', '2025-09-16T17:00', '2025-09-17T11:45'],
    ['high', '2025-09-16T11:00', '2025-09-16T11:30', '2025-09-16T13:00', '2025-09-16T16:00'],
    ['normal', '2025-09-21T09:00', '2025-09-22T09:00', '2025-09-22T14:30', '2025-09-23T09:15'],
    ['normal', '2025-09-19T16:15', '2025-09-22T08:45', '2025-09-22T14:15', '2025-09-23T09:00'],
  ] as const)('%s, received %s → route %s, draft %s, reply %s', (importance, t0, route, draft, reply) => {
    const d = initialDeadlines(clock, omsk(t0), importance);
    expect([d.routeDeadline, d.draftDeadline, d.replyDeadline]).toEqual([omsk(route), omsk(draft), omsk(reply)]);
  });
});

describe('deadline report of a message at a given now', () => {
  it('a fresh message: three deadlines apply, the route is next', () => {
    const r = report([received()], '2025-09-16T11:10');
    expect(summary(r, 'applicable')).toEqual([
      ['routeDeadline', '2025-09-16T11:30:00+06:00', 'open', 'curator'],
      ['draftDeadline', '2025-09-16T17:00:00+06:00', 'open', 'curator'],
      ['replyDeadline', '2025-09-17T11:45:00+06:00', 'open', 'curator'],
    ]);
    expect(r.next?.name).toBe('routeDeadline');
    expect(r.minutesLeft).toBe(20);
    expect(r.violations).toEqual([]);
  });

  it('late routing and a missing draft are violations with who answers for each (§18)', () => {
    const events = [received(), ev('routed', curator, '2025-09-16T11:45', { executors: [{ department: CITY }] })];
    const r = report(events, '2025-09-17T09:00');
    expect(summary(r, 'violations')).toEqual([
      ['routeDeadline', '2025-09-16T11:30:00+06:00', 'late', 'curator'],
      ['draftDeadline', '2025-09-16T17:00:00+06:00', 'missed', CITY],
    ]);
    expect(r.next?.name).toBe('replyDeadline');
    expect(r.minutesLeft).toBe(165);
    expect(r.applicable.map((d) => d.name)).toEqual(['draftDeadline', 'replyDeadline']);
  });

  it('a message nobody routed: the curator answers for every deadline', () => {
    const r = report([received()], '2025-09-17T12:00');
    expect(summary(r, 'violations').map((v) => [v[0], v[2], v[3]])).toEqual([
      ['routeDeadline', 'missed', 'curator'],
      ['draftDeadline', 'missed', 'curator'],
      ['replyDeadline', 'missed', 'curator'],
    ]);
    expect(r.next).toBeUndefined();
  });

  // Return windows the executors did not use (they went on with the work) drop out of the list.
  it('the whole path in time: no violations, nothing left to do', () => {
    const events = [
      received(),
      ev('routed', curator, '2025-09-16T11:20', { executors: [{ department: CITY }, { department: DISTRICT }] }),
      ev('coExecutorInformationSent', coExecutor(), '2025-09-16T12:30', {}),
      ev('draftSubmitted', executor(), '2025-09-16T15:00', { kind: 'final' }),
      ev('draftReturned', curator, '2025-09-16T15:20', { remarks: 'Добавьте фото' }),
      ev('draftResubmitted', executor(), '2025-09-16T16:00', {}),
      ev('draftApproved', curator, '2025-09-16T16:10', {}),
      ev('published', curator, '2025-09-16T16:30', {}),
    ];
    const r = report(events, '2025-09-18T10:00');
    expect(r.applicable).toEqual([]);
    expect(r.violations).toEqual([]);
    expect(summary(r, 'all').map((d) => [d[0], d[1], d[2]])).toEqual([
      ['routeDeadline', '2025-09-16T11:30:00+06:00', 'met'],
      ['draftDeadline', '2025-09-16T17:00:00+06:00', 'met'],
      ['replyDeadline', '2025-09-17T11:45:00+06:00', 'met'],
      ['coExecutorInformationDeadline', '2025-09-16T14:20:00+06:00', 'met'],
      ['jointDraftDeadline', '2025-09-16T15:30:00+06:00', 'met'],
      ['approvalDeadline', '2025-09-16T15:30:00+06:00', 'met'],
      ['revisionDeadline', '2025-09-16T16:20:00+06:00', 'met'],
      ['approvalDeadline', '2025-09-16T16:30:00+06:00', 'met'],
      ['publicationDeadline', '2025-09-16T16:40:00+06:00', 'met'],
    ]);
  });

  it('a draft sent in time: §7 was met by the unit that sent it, not by the curator who now holds the message', () => {
    const events = [
      received(),
      ev('routed', curator, '2025-09-16T11:20', { executors: [{ department: CITY }] }),
      ev('draftSubmitted', executor(), '2025-09-16T15:00', { kind: 'final' }),
    ];
    const r = report(events, '2025-09-16T15:10');
    expect(summary(r, 'all').map((d) => [d[0], d[2], d[3]])).toEqual([
      ['routeDeadline', 'met', 'curator'],
      ['draftDeadline', 'met', CITY],
      // Open while the draft waits for approval: the curator holds it, approves it (§8) and places it (§10).
      ['replyDeadline', 'open', 'curator'],
      ['approvalDeadline', 'open', 'curator'],
    ]);
    // Sent late, the unit still answers for it: it held the message when the deadline passed (§18).
    const late = report([...events.slice(0, 2), ev('draftSubmitted', executor(), '2025-09-16T17:30', { kind: 'final' })], '2025-09-16T17:35');
    expect(summary(late, 'violations')).toEqual([['draftDeadline', '2025-09-16T17:00:00+06:00', 'late', CITY]]);
  });

  it('§5: returning after 30 minutes is a violation of the executor; letting the window pass is not', () => {
    const routed = ev('routed', curator, '2025-09-16T11:20', { executors: [{ department: CITY }] });
    const late = report([received(), routed, ev('returnedToCurator', executor(), '2025-09-16T12:00', { reason: 'не наше' })], '2025-09-16T12:05');
    expect(summary(late, 'violations')).toEqual([['returnDeadline', '2025-09-16T11:50:00+06:00', 'late', CITY]]);
    const kept = report([received(), routed], '2025-09-16T12:05');
    expect(kept.violations).toEqual([]);
    expect(kept.applicable.map((d) => d.name)).toEqual(['draftDeadline', 'replyDeadline']);
  });

  it('§12.4: high importance gives a co-executor 45 working minutes, across lunch', () => {
    const events = [
      received('high'),
      ev('routed', curator, '2025-09-16T12:30', { executors: [{ department: CITY }, { department: DISTRICT }] }),
    ];
    const r = report(events, '2025-09-16T13:30');
    const info = r.applicable.find((d) => d.name === 'coExecutorInformationDeadline')!;
    expect(show(info.due)).toBe('2025-09-16T14:15:00+06:00');
    expect(info.responsible).toEqual({ role: 'coExecutor', department: DISTRICT });
    expect(info.minutesLeft).toBe(15);
  });

  it('§11 normal: the final draft is due at the close of the 7th working day after the intermediate reply', () => {
    const events = [
      received(),
      ev('routed', curator, '2025-09-16T11:20', { executors: [{ department: CITY }] }),
      ev('draftSubmitted', executor(), '2025-09-16T15:00', { kind: 'intermediate' }),
      ev('draftApproved', curator, '2025-09-16T15:10', {}),
      ev('published', curator, '2025-09-16T15:20', {}),
    ];
    const r = report(events, '2025-09-24T17:00');
    expect(summary(r, 'applicable')).toEqual([['finalReplyDeadline', '2025-09-25T17:45:00+06:00', 'open', CITY]]);
    expect(r.minutesLeft).toBe(45 + 8 * 60 + 15);
    const after = report([...events, ev('draftSubmitted', executor(), '2025-09-26T09:00', { kind: 'final' })], '2025-09-26T09:05');
    expect(summary(after, 'violations')).toEqual([['finalReplyDeadline', '2025-09-25T17:45:00+06:00', 'late', CITY]]);
  });

  it('§11 high: the date is the curator’s; until it is entered the card says so', () => {
    const events = [
      received('high'),
      ev('routed', curator, '2025-09-16T11:10', { executors: [{ department: CITY }] }),
      ev('draftSubmitted', executor(), '2025-09-16T12:00', { kind: 'intermediate' }),
      ev('draftApproved', curator, '2025-09-16T12:10', {}),
      ev('published', curator, '2025-09-16T12:20', {}),
    ];
    const waiting = report(events, '2025-09-16T14:00');
    expect(waiting.applicable.map((d) => [d.name, d.status, d.due])).toEqual([['finalReplyDeadline', 'awaitingDate', null]]);
    expect(waiting.next).toBeUndefined();
    const set = report([...events, ev('finalReplyDueSet', curator, '2025-09-16T14:30', { due: omsk('2025-09-19T12:00') })], '2025-09-19T11:00');
    expect(summary(set, 'applicable')).toEqual([['finalReplyDeadline', '2025-09-19T12:00:00+06:00', 'open', CITY]]);
    expect(set.minutesLeft).toBe(60);
  });

  it('overdue only by lunch time: zero working minutes past, yet the deadline is missed', () => {
    // High importance from 11:00: the draft is due at 13:00, the start of lunch.
    const r = deadlinesOf([received('high')], clock, omsk('2025-09-16T13:30'));
    const draft = r.violations.find((d) => d.name === 'draftDeadline')!;
    expect([show(draft.due), draft.status]).toEqual(['2025-09-16T13:00:00+06:00', 'missed']);
    expect(Object.is(draft.minutesLeft, 0)).toBe(true);
    expect(r.next?.name).toBe('replyDeadline');
    expect(r.minutesLeft).toBe(120);
  });

  it('a message not processed (§16) has no deadlines left', () => {
    const r = report([received(), ev('notProcessed', curator, '2025-09-16T11:05', { reason: 'insult' })], '2025-09-20T10:00');
    expect(r.applicable).toEqual([]);
    expect(r.violations).toEqual([]);
  });
});
