import { describe, expect, it } from 'vitest';
import { applyEvent, replay, type MessageEvent, type MessageEventType } from '../../../lib/workflow';
import { ACT_ORDER, possibleActs } from '../../../lib/workflow/acts';
import { actorIn, signer, workflowActor } from '../../../lib/workflow/actor';
import { CITY, coExecutor, curator, DISTRICT, ev, executor, TRANSPORT } from './helpers';

/** A payload the reducer accepts whenever the act itself is possible. */
const SAMPLE: Record<Exclude<MessageEventType, 'received'>, object> = {
  categorised: { topic: 'Дороги' },
  routed: { executors: [{ department: CITY }, { department: DISTRICT }] },
  returnedToCurator: { reason: 'не наш вопрос' },
  coExecutorInformationSent: { text: 'справка' },
  draftSubmitted: { kind: 'final', text: 'Ответ' },
  draftReturned: { remarks: 'доработать' },
  draftResubmitted: { text: 'Ответ 2' },
  draftApproved: {},
  published: {},
  finalReplyDueSet: { due: Date.parse('2030-01-01T00:00:00+06:00') },
  repeatLinked: { earlierMessageId: 'm-0' },
  notProcessed: { reason: 'obscene' },
  socialSignificanceSet: { significant: true },
};

const received = (importance: 'normal' | 'high') => ev('received', curator, '2026-03-02T09:00:00', { importance });
const routed = ev('routed', curator, '2026-03-02T10:00:00', { executors: [{ department: CITY }, { department: DISTRICT }] });
const histories: Record<string, MessageEvent[]> = {
  received: [received('normal')],
  'received, high': [received('high')],
  routed: [received('high'), routed],
  'information sent': [received('normal'), routed, ev('coExecutorInformationSent', coExecutor(), '2026-03-02T11:00:00', {})],
  submitted: [received('normal'), routed, ev('draftSubmitted', executor(), '2026-03-02T12:00:00', { kind: 'final', text: 'Ответ' })],
  approved: [
    received('normal'),
    routed,
    ev('draftSubmitted', executor(), '2026-03-02T12:00:00', { kind: 'final', text: 'Ответ' }),
    ev('draftApproved', curator, '2026-03-02T13:00:00', {}),
  ],
};
const actors = [curator, executor(), coExecutor(), executor(TRANSPORT), coExecutor(TRANSPORT)];

describe('possibleActs: the reducer decides which acts the card offers', () => {
  for (const [name, events] of Object.entries(histories)) {
    it(`offers exactly what the reducer accepts (${name})`, () => {
      const state = replay(events);
      const at = state.lastEventAt + 60_000;
      for (const actor of actors) {
        const accepted = ACT_ORDER.filter((type) => applyEvent(state, { type, actor, at, payload: SAMPLE[type as keyof typeof SAMPLE] } as MessageEvent).ok);
        expect(possibleActs(state, actor), `${actor.role} ${actor.department}`).toEqual(accepted);
      }
    });
  }

  it('a unit sends its information once, and §11 is for high importance only', () => {
    const info = replay(histories['information sent']!);
    expect(possibleActs(info, coExecutor())).not.toContain('coExecutorInformationSent');
    expect(possibleActs(replay(histories.received!), curator)).not.toContain('finalReplyDueSet');
    expect(possibleActs(replay(histories['received, high']!), curator)).toContain('finalReplyDueSet');
    expect(possibleActs(info, null)).toEqual([]);
  });
});

describe('who is acting', () => {
  const user = (role: 'curator' | 'executor' | 'moderator' | 'owner', userName = '', department = '') => ({ role, userName, department });

  it('signs with the name, else the job title; a unit only when set', () => {
    expect(signer(user('curator', '  Иванова  '))).toEqual({ role: 'curator', name: 'Иванова' });
    expect(signer(user('moderator'))).toEqual({ role: 'moderator', name: 'Модератор' });
    expect(signer(user('executor', '', ` ${CITY} `))).toEqual({ role: 'executor', name: 'Исполнитель', department: CITY });
  });

  it('a moderator, a page owner and an executor with no unit act on no message', () => {
    expect(workflowActor(user('moderator', 'М'))).toBeNull();
    expect(workflowActor(user('owner', 'В'))).toBeNull();
    expect(workflowActor(user('executor', 'П'))).toBeNull();
    expect(workflowActor(user('curator'))).toEqual({ role: 'curator', name: 'Куратор' });
  });

  it("an executor's part in a message follows the routing", () => {
    const state = replay(histories.routed!);
    expect(actorIn(user('executor', 'П', CITY), state)?.role).toBe('executor');
    expect(actorIn(user('executor', 'С', DISTRICT), state)).toEqual({ role: 'coExecutor', name: 'С', department: DISTRICT });
    expect(actorIn(user('executor', 'Т', TRANSPORT), state)).toBeNull();
    expect(actorIn(user('curator', 'И', 'ДИП'), state)).toEqual({ role: 'curator', name: 'И', department: 'ДИП' });
  });
});

it('every act but the first is in the order the card offers', () => {
  expect([...ACT_ORDER].sort()).toEqual(Object.keys(SAMPLE).sort());
});
