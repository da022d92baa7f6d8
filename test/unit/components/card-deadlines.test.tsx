import { render, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Deadlines } from '@/components/workspace/messages/CardHistory';
import { formatterFor } from '@/components/shared/card-format';
import { deadlinesOf } from '@/lib/workflow/deadlines';
import type { MessageEvent } from '@/lib/workflow/schema';
import { createWorkClock } from '@/lib/worktime/clock';

// Tuesday 13 May 2025 in Omsk (UTC+6): §4.4 falls at 09:30, §7 at 15:00, §6 on Wednesday at 09:45.
const omsk = (s: string) => Date.parse(`${s}+06:00`);
const T0 = omsk('2025-05-13T09:00');
const clock = createWorkClock();
const fmt = formatterFor('Asia/Omsk');

const HOUSING = 'Департамент городского хозяйства';
const TRANSPORT = 'Департамент транспорта';
const curator = { role: 'curator', name: 'Ольга Петрова' } as const;
const executor = { role: 'executor', name: 'Иван Смирнов', department: HOUSING } as const;

const received: MessageEvent = { type: 'received', actor: curator, at: T0, payload: { importance: 'normal' } };
const routed = (at: string, executors = [{ department: HOUSING }]): MessageEvent => ({ type: 'routed', actor: curator, at: omsk(at), payload: { executors } });
const drafted = (at: string, kind: 'final' | 'intermediate' = 'final'): MessageEvent => ({
  type: 'draftSubmitted',
  actor: executor,
  at: omsk(at),
  payload: { kind, text: 'Здравствуйте!' },
});
const approved = (at: string): MessageEvent => ({ type: 'draftApproved', actor: curator, at: omsk(at), payload: {} });
const returned = (at: string): MessageEvent => ({ type: 'draftReturned', actor: curator, at: omsk(at), payload: { remarks: 'Уточните срок.' } });
const published = (at: string): MessageEvent => ({ type: 'published', actor: curator, at: omsk(at), payload: {} });

function timeline(events: MessageEvent[], now: string, withClock = true) {
  const report = deadlinesOf(events, clock, omsk(now));
  const view = render(<Deadlines items={report.all} fmt={fmt} clock={withClock ? clock : undefined} />);
  const list = view.container.querySelector('ol.deadline-steps') as HTMLOListElement;
  const steps = [...list.children] as HTMLElement[];
  return {
    ...view,
    list,
    steps,
    /** Each step as «name:state», in the order shown. */
    order: steps.map((li) => `${li.dataset.deadline ?? li.dataset.step}:${li.dataset.state ?? (li.dataset.step === 'received' ? 'done' : 'ahead')}`),
    step: (name: string) => steps.find((li) => li.dataset.deadline === name)!,
    current: () => steps.filter((li) => li.getAttribute('aria-current') === 'step'),
  };
}

describe('the card’s deadlines as a timeline of the decree’s steps', () => {
  it('before routing: received, then §4.4 missed and current, §7, the steps ahead, §6 — in the decree’s order', () => {
    const t = timeline([received], '2025-05-13T09:45');
    expect(t.list.tagName).toBe('OL');
    expect(t.order).toEqual([
      'received:done',
      'routeDeadline:missed',
      'draftDeadline:open',
      'approvalDeadline:ahead',
      'publicationDeadline:ahead',
      'replyDeadline:open',
    ]);
    expect(t.steps[0]!.textContent).toContain('13.05.2025, 09:00');
    const route = t.step('routeDeadline');
    expect(t.current()).toEqual([route]);
    expect(route.classList.contains('step-current')).toBe(true);
    // The state is in words, not only in colour.
    expect(route.textContent).toContain('сейчас');
    expect(route.textContent).toContain('просрочен · просрочено на 15 мин');
    expect(route.textContent).toContain('срок: 13.05.2025, 09:30');
    expect(route.querySelector('.deadline-owner')!.textContent).toBe('Куратор');
    expect(t.step('draftDeadline').textContent).toContain('идёт · осталось 4 ч 15 мин');
    expect(t.steps[3]!.textContent).toContain('ещё не начат');
    expect(t.steps[3]!.textContent).toContain('п. 8');
    expect(t.steps[3]!.textContent).toContain('30 мин после поступления проекта');
  });

  it('the whole way on time: every step ticked with when it was done, nothing current, nothing ahead', () => {
    const t = timeline([received, routed('2025-05-13T09:10'), drafted('2025-05-13T11:00'), approved('2025-05-13T11:20'), published('2025-05-13T11:40')], '2025-05-13T12:00');
    expect(t.order).toEqual([
      'received:done',
      'routeDeadline:met',
      'draftDeadline:met',
      'approvalDeadline:met',
      'publicationDeadline:met',
      'replyDeadline:met',
    ]);
    expect(t.current()).toEqual([]);
    expect(t.step('routeDeadline').textContent).toContain('выполнен в срок · 13.05.2025, 09:10');
    expect(t.step('draftDeadline').querySelector('.deadline-owner')!.textContent).toBe(HOUSING);
    expect(t.step('replyDeadline').textContent).toContain('выполнен в срок · 13.05.2025, 11:40');
    expect(t.step('replyDeadline').querySelector('.step-dot')!.textContent).toBe('✓');
  });

  it('a step done late says by how much in working time; without the clock, only that it was late', () => {
    // §7 falls at 15:00; the draft came at 15:30.
    const events = [received, routed('2025-05-13T09:10'), drafted('2025-05-13T15:30')];
    const t = timeline(events, '2025-05-13T15:35');
    const draft = t.step('draftDeadline');
    expect(draft.dataset.state).toBe('late');
    expect(draft.textContent).toContain('выполнен с опозданием на 30 мин · 13.05.2025, 15:30');
    expect(draft.textContent).toContain('срок: 13.05.2025, 15:00');
    expect(t.current()).toEqual([t.step('approvalDeadline')]);
    t.unmount();

    // Across the night only working time counts: 15:00 → 17:45, then 08:30 → 09:00.
    const overnight = timeline([received, routed('2025-05-13T09:10'), drafted('2025-05-14T09:00')], '2025-05-14T09:05');
    expect(overnight.step('draftDeadline').textContent).toContain('выполнен с опозданием на 3 ч 15 мин');
    overnight.unmount();

    const bare = timeline(events, '2025-05-13T15:35', false);
    expect(bare.step('draftDeadline').textContent).toContain('выполнен с опозданием · 13.05.2025, 15:30');
  });

  it('a draft returned: §8 done, §9 is the current step, publication still ahead, §6 still counting', () => {
    const t = timeline([received, routed('2025-05-13T09:10'), drafted('2025-05-13T10:00'), returned('2025-05-13T10:10')], '2025-05-13T10:20');
    expect(t.order).toEqual([
      'received:done',
      'routeDeadline:met',
      'draftDeadline:met',
      'approvalDeadline:met',
      'revisionDeadline:open',
      'publicationDeadline:ahead',
      'replyDeadline:open',
    ]);
    const revision = t.step('revisionDeadline');
    expect(t.current()).toEqual([revision]);
    expect(revision.textContent).toContain('п. 9');
    expect(revision.textContent).toContain('осталось 50 мин');
    expect(revision.querySelector('.deadline-owner')!.textContent).toBe(HOUSING);
  });

  it('§6 missed while the draft waits for approval: §6 red, but the current step is §8', () => {
    const t = timeline([received, routed('2025-05-13T09:10'), drafted('2025-05-14T09:40')], '2025-05-14T09:50');
    expect(t.step('replyDeadline').dataset.state).toBe('missed');
    expect(t.step('replyDeadline').textContent).toContain('просрочено на 5 мин');
    expect(t.current()).toEqual([t.step('approvalDeadline')]);
    expect(t.order.indexOf('approvalDeadline:open')).toBeLessThan(t.order.indexOf('replyDeadline:missed'));
  });

  it('co-executors: each unit’s §5 window and §12.4 duty with its owner; a lapsed window is grey, not a violation', () => {
    const t = timeline([received, routed('2025-05-13T09:10', [{ department: HOUSING }, { department: TRANSPORT }])], '2025-05-13T09:50');
    expect(t.order).toEqual([
      'received:done',
      'routeDeadline:met',
      'returnDeadline:expired',
      'returnDeadline:expired',
      'coExecutorInformationDeadline:open',
      'draftDeadline:open',
      'approvalDeadline:ahead',
      'publicationDeadline:ahead',
      'replyDeadline:open',
    ]);
    const windows = t.steps.filter((li) => li.dataset.deadline === 'returnDeadline');
    expect(windows.map((li) => li.querySelector('.deadline-owner')!.textContent)).toEqual([HOUSING, TRANSPORT]);
    expect(windows[0]!.textContent).toContain('не использован');
    const info = t.step('coExecutorInformationDeadline');
    expect(info.querySelector('.deadline-owner')!.textContent).toBe(TRANSPORT);
    expect(t.current()).toEqual([info]);
  });

  it('an intermediate reply: publication done, then §11 is current with its seven working days', () => {
    const t = timeline(
      [received, routed('2025-05-13T09:10'), drafted('2025-05-13T10:00', 'intermediate'), approved('2025-05-13T10:10'), published('2025-05-13T10:20')],
      '2025-05-13T10:30',
    );
    expect(t.order).toEqual([
      'received:done',
      'routeDeadline:met',
      'draftDeadline:met',
      'approvalDeadline:met',
      'publicationDeadline:met',
      'replyDeadline:met',
      'finalReplyDeadline:open',
    ]);
    const final = t.step('finalReplyDeadline');
    expect(t.current()).toEqual([final]);
    // Seven working days after Tuesday 13 May: the close of Thursday 22 May.
    expect(final.textContent).toContain('срок: 22.05.2025, 17:45');
  });

  it('is read as an ordered list of steps in words', () => {
    const t = timeline([received], '2025-05-13T09:10');
    const items = within(t.list).getAllByRole('listitem');
    expect(items).toHaveLength(6);
    // The dots are decoration: the words carry the state.
    for (const dot of t.list.querySelectorAll('.step-dot')) expect(dot.getAttribute('aria-hidden')).toBe('true');
    expect(items[1]!.textContent).toContain('идёт · осталось 20 мин');
  });
});
