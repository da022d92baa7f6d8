import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageCard, type CardUser, type MessageCardProps, type NewMessageEvent } from '@/components/workspace/messages/MessageCard';
import { derive } from '@/lib/messages/summary';
import type { MessageRecord } from '@/lib/messages/types';
import type { MessageEvent } from '@/lib/workflow/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { messageRecord, type RecordOverrides } from '../../messages';

// Tuesday 13 May 2025, 09:00 in Omsk (UTC+6).
const T0 = Date.UTC(2025, 4, 13, 3, 0);
const MIN = 60_000;
const clock = createWorkClock();

const HOUSING = 'Департамент городского хозяйства';
const TRANSPORT = 'Департамент транспорта';
const curatorActor = { role: 'curator', name: 'Ольга Петрова' } as const;
const executorActor = { role: 'executor', name: 'Иван Смирнов', department: HOUSING } as const;

const CURATOR: CardUser = { role: 'curator', name: 'Ольга Петрова', department: '' };
const EXECUTOR: CardUser = { role: 'executor', name: 'Иван Смирнов', department: HOUSING };
const CO_EXECUTOR: CardUser = { role: 'executor', name: 'Пётр Орлов', department: TRANSPORT };
const STRANGER: CardUser = { role: 'executor', name: 'Мария', department: 'Департамент образования' };
const MODERATOR: CardUser = { role: 'moderator', name: 'Анна', department: '' };

const received: MessageEvent = { type: 'received', actor: curatorActor, at: T0, payload: { importance: 'normal', topic: 'ЖКХ', location: 'ул. Ленина, 5' } };
const routed: MessageEvent = {
  type: 'routed',
  actor: curatorActor,
  at: T0 + 10 * MIN,
  payload: { executors: [{ department: HOUSING }, { department: TRANSPORT }] },
};
const drafted: MessageEvent = {
  type: 'draftSubmitted',
  actor: executorActor,
  at: T0 + 60 * MIN,
  payload: { kind: 'final', text: 'Здравствуйте! Бригада выедет сегодня.' },
};
const returned: MessageEvent = { type: 'draftReturned', actor: curatorActor, at: T0 + 70 * MIN, payload: { remarks: 'Укажите время выезда.' } };

function record(events: MessageEvent[], over: RecordOverrides = {}): MessageRecord {
  return messageRecord('1002', events, {
    id: 'msg-1',
    url: undefined,
    author: 'Анна Иванова',
    text: 'Во дворе дома 5 на ул. Ленина третий день не вывозят мусор.',
    createdAt: T0,
    updatedAt: T0,
    ...over,
    source: { authorId: '1', authorUrl: 'https://vk.com/id1', writtenAt: T0 - 15 * MIN, ...over.source },
  });
}

function renderCard(events: MessageEvent[], me: CardUser, over: Partial<MessageCardProps> & { now?: () => number; at?: number } = {}) {
  const rec = over.record ?? record(events);
  const at = over.at ?? (events[events.length - 1]!.at + 5 * MIN);
  const { state, report } = derive(rec, clock, at);
  const onAct = vi.fn<(e: NewMessageEvent) => Promise<{ ok: true } | { ok: false; error: string }>>(async () => ({ ok: true }));
  const onSaveWorkingDraft = vi.fn<(text: string) => void>();
  const onClose = vi.fn();
  const lint = vi.fn((text: string) =>
    /принято к сведению/i.test(text) ? [{ code: 'boilerplate', message: 'Канцелярский штамп: «принято к сведению».' }] : [],
  );
  const props: MessageCardProps = {
    record: rec,
    derived: { state, report },
    me,
    zone: 'Asia/Omsk',
    lint,
    onAct,
    onSaveWorkingDraft,
    onClose,
    now: () => at,
    ...over,
  };
  const view = render(<MessageCard {...props} />);
  const actions = () => [...view.container.querySelectorAll<HTMLElement>('[data-action]')].map((el) => el.dataset.action).sort();
  return { ...view, props, onAct: (over.onAct as typeof onAct) ?? onAct, onSaveWorkingDraft, onClose, lint, actions, at };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the message card', () => {
  it('shows the comment, its link, the facts and every deadline with its owner', () => {
    const { container } = renderCard([received], CURATOR, { at: T0 + 45 * MIN });
    expect(screen.getByText('Во дворе дома 5 на ул. Ленина третий день не вывозят мусор.')).toBeTruthy();
    const link = screen.getByText('Открыть комментарий') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://vk.com/wall-123456_1001?reply=1002');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('поступило, ждёт направления исполнителям')).toBeTruthy();
    expect(screen.getByText('ЖКХ')).toBeTruthy();

    const route = container.querySelector<HTMLElement>('[data-deadline="routeDeadline"]')!;
    expect(route.textContent).toContain('п. 4.4');
    expect(route.textContent).toContain('13.05.2025, 09:30');
    expect(route.textContent).toContain('Куратор');
    // 45 minutes after T0 the 30-minute routing deadline has passed.
    expect(route.classList.contains('deadline-missed')).toBe(true);
    expect(route.textContent).toContain('просрочен');
    const reply = container.querySelector<HTMLElement>('[data-deadline="replyDeadline"]')!;
    expect(reply.textContent).toContain('п. 6');
    // Nine working hours from 09:00: 7 h 45 min on Tuesday (lunch 13:00–14:00, close 17:45), the rest on Wednesday.
    expect(reply.textContent).toContain('14.05.2025, 09:45');
    expect(reply.classList.contains('deadline-open')).toBe(true);
    expect(container.querySelector('[data-deadline="draftDeadline"]')).toBeTruthy();
  });

  it('names the unit that owns a deadline once routed, and shows the timeline', () => {
    const { container } = renderCard([received, routed, drafted, returned], CURATOR);
    const revision = container.querySelector<HTMLElement>('[data-deadline="revisionDeadline"]')!;
    expect(revision.textContent).toContain(HOUSING);
    expect(revision.textContent).toContain('п. 9');
    const items = [...container.querySelectorAll<HTMLElement>('.timeline li')];
    expect(items.map((li) => li.dataset.event)).toEqual(['received', 'routed', 'draftSubmitted', 'draftReturned']);
    expect(items[1]!.textContent).toContain('Направление исполнителям');
    expect(items[1]!.textContent).toContain(`ответственный: ${HOUSING}; соисполнители: ${TRANSPORT}`);
    expect(items[1]!.textContent).toContain('13.05.2025, 09:10');
    expect(items[3]!.textContent).toContain('Укажите время выезда.');
    expect(items[2]!.textContent).toContain('Иван Смирнов');
  });

  it('after the draft is sent, the executor sees their unit as the one who met §7, not the curator', () => {
    const { container } = renderCard([received, routed, drafted], EXECUTOR);
    const draft = container.querySelector<HTMLElement>('[data-deadline="draftDeadline"]')!;
    const owner = (step: HTMLElement) => step.querySelector('.deadline-owner')!.textContent;
    expect(owner(draft)).toBe(HOUSING);
    expect(draft.textContent).toContain('выполнен в срок');
    expect(owner(container.querySelector<HTMLElement>('[data-deadline="approvalDeadline"]')!)).toBe('Куратор');
  });

  it('shows the message number people type elsewhere, selectable and copied with one click', async () => {
    const id = '3f2a9c1b-5d6e-4f70-8a9b-0c1d2e3f4a5b';
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderCard([received], CURATOR, { record: record([received], { id }) });
    expect(screen.getByTestId('message-number').textContent).toBe('№ 3f2a9c1b');
    fireEvent.click(screen.getByRole('button', { name: 'Скопировать номер 3f2a9c1b' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('3f2a9c1b'));
    expect(await screen.findByText('скопировано')).toBeTruthy();
  });

  it('links a repeat by the number on the earlier card, and shows that number, not the id', async () => {
    const earlierId = '1a2b3c4d-0000-4000-8000-000000000001';
    const own = '9f8e7d6c-0000-4000-8000-000000000002';
    const earlier = [{ id: earlierId, at: T0 - 86_400_000, snippet: 'Мусор не вывозят' }];
    const a = renderCard([received], CURATOR, { record: record([received], { id: own }), earlier });
    const field = screen.getByLabelText('Номер ранее рассмотренного сообщения');
    fireEvent.input(field, { target: { value: '№ 9F8E7D6C' } });
    fireEvent.click(screen.getByText('Связать'));
    expect((await screen.findByRole('alert')).textContent).toBe('Сообщение не может быть повтором самого себя.');
    fireEvent.input(field, { target: { value: '№ 1A2B3C4D' } });
    fireEvent.click(screen.getByText('Связать'));
    await waitFor(() => expect(a.onAct).toHaveBeenCalledWith(expect.objectContaining({ type: 'repeatLinked', payload: { earlierMessageId: earlierId } })));
    expect(a.container.querySelector(`datalist option[value="1a2b3c4d"]`)?.getAttribute('label')).toBe('12.05.2025, 09:00 — Мусор не вывозят');
    a.unmount();

    const linked: MessageEvent = { type: 'repeatLinked', actor: curatorActor, at: T0 + 5 * MIN, payload: { earlierMessageId: earlierId } };
    const b = renderCard([received, linked], CURATOR, { record: record([received, linked], { id: own }) });
    expect(b.container.querySelector('.card-facts')!.textContent).toContain('Повторное к№ 1a2b3c4d');
    expect(b.container.querySelector('[data-event="repeatLinked"]')!.textContent).toContain('ранее рассмотренное сообщение № 1a2b3c4d');
    expect(b.container.textContent).not.toContain(earlierId);
  });

  it('keeps the history of drafts with the remarks between them', () => {
    const resubmitted: MessageEvent = {
      type: 'draftResubmitted',
      actor: executorActor,
      at: T0 + 90 * MIN,
      payload: { text: 'Здравствуйте! Бригада выедет сегодня до 15:00.' },
    };
    const { container } = renderCard([received, routed, drafted, returned, resubmitted], CURATOR);
    const drafts = [...container.querySelectorAll<HTMLElement>('.drafts li')];
    expect(drafts.map((li) => li.dataset.event)).toEqual(['draftSubmitted', 'draftReturned', 'draftResubmitted']);
    expect(drafts[0]!.textContent).toContain('Здравствуйте! Бригада выедет сегодня.');
    expect(drafts[1]!.textContent).toContain('Укажите время выезда.');
    expect(drafts[2]!.textContent).toContain('до 15:00');
    expect(drafts[2]!.textContent).toContain('13.05.2025, 10:30');
  });

  it('offers exactly the actions the role allows in the status', () => {
    expect(renderCard([received], CURATOR).actions()).toEqual(['categorised', 'notProcessed', 'repeatLinked', 'routed', 'socialSignificanceSet']);
    cleanup();
    expect(renderCard([received, routed], EXECUTOR).actions()).toEqual(['draftSubmitted', 'returnedToCurator']);
    cleanup();
    expect(renderCard([received, routed], CO_EXECUTOR).actions()).toEqual(['coExecutorInformationSent', 'returnedToCurator']);
    cleanup();
    expect(renderCard([received, routed, drafted], CURATOR).actions()).toEqual([
      'categorised',
      'draftApproved',
      'draftReturned',
      'notProcessed',
      'repeatLinked',
      'socialSignificanceSet',
    ]);
    cleanup();
    expect(renderCard([received, routed, drafted], EXECUTOR).actions()).toEqual([]);
    cleanup();
    expect(renderCard([received, routed, drafted, returned], EXECUTOR).actions()).toEqual(['draftResubmitted']);
    cleanup();
    expect(renderCard([received, routed], STRANGER).actions()).toEqual([]);
    expect(screen.getByText('Департамент образования не указано исполнителем по этому сообщению.')).toBeTruthy();
  });

  it('gives a moderator nothing to do', () => {
    const { actions } = renderCard([received, routed], MODERATOR);
    expect(actions()).toEqual([]);
    expect(screen.getByText('Роль «Модератор» не предусматривает действий с сообщением.')).toBeTruthy();
  });

  it('offers §11 date only for high importance', () => {
    const high: MessageEvent = { ...received, payload: { importance: 'high' } } as MessageEvent;
    expect(renderCard([high], CURATOR).actions()).toContain('finalReplyDueSet');
  });

  it('submits a draft with the event the workflow expects, warning but not blocking', async () => {
    const { onAct, onSaveWorkingDraft, at } = renderCard([received, routed], EXECUTOR);
    const box = screen.getByLabelText('Текст ответа') as HTMLTextAreaElement;
    const text = 'Здравствуйте! Ваше обращение принято к сведению.';
    fireEvent.input(box, { target: { value: text } });
    expect(screen.getByText('Канцелярский штамп: «принято к сведению».')).toBeTruthy();

    fireEvent.click(screen.getByText('Направить Куратору'));
    await waitFor(() => expect(onAct).toHaveBeenCalledTimes(1));
    expect(onAct).toHaveBeenCalledWith({
      type: 'draftSubmitted',
      actor: { role: 'executor', name: 'Иван Смирнов', department: HOUSING },
      at,
      payload: { kind: 'final', text },
    });
    await waitFor(() => expect(onSaveWorkingDraft).toHaveBeenLastCalledWith(''));
  });

  it('sends an intermediate draft when chosen', async () => {
    const { onAct } = renderCard([received, routed], EXECUTOR);
    fireEvent.click(screen.getByLabelText('промежуточный (п. 11)'));
    fireEvent.input(screen.getByLabelText('Текст ответа'), { target: { value: 'Ответ дадим до 20 мая.' } });
    fireEvent.click(screen.getByText('Направить Куратору'));
    await waitFor(() => expect(onAct).toHaveBeenCalledTimes(1));
    expect(onAct.mock.calls[0]![0]).toMatchObject({ type: 'draftSubmitted', payload: { kind: 'intermediate', text: 'Ответ дадим до 20 мая.' } });
  });

  it('shows a refusal in Russian and keeps what was typed', async () => {
    const onAct = vi.fn(async () => ({ ok: false as const, error: 'Действие не выполнено: сообщение уже у Куратора' }));
    renderCard([received, routed], EXECUTOR, { onAct });
    const box = screen.getByLabelText('Текст ответа') as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Здравствуйте! Мусор вывезут завтра.' } });
    fireEvent.click(screen.getByText('Направить Куратору'));
    expect((await screen.findByRole('alert')).textContent).toBe('Действие не выполнено: сообщение уже у Куратора');
    expect((screen.getByLabelText('Текст ответа') as HTMLTextAreaElement).value).toBe('Здравствуйте! Мусор вывезут завтра.');
  });

  it('shows a thrown error too, and keeps the remarks typed', async () => {
    const onAct = vi.fn(async () => {
      throw new Error('нет связи с фоновой страницей');
    });
    renderCard([received, routed, drafted], CURATOR, { onAct });
    const remarks = screen.getByLabelText('Замечания') as HTMLTextAreaElement;
    fireEvent.input(remarks, { target: { value: 'Добавьте сроки.' } });
    fireEvent.click(screen.getByText('Вернуть на доработку'));
    expect((await screen.findByRole('alert')).textContent).toBe('Действие не выполнено: нет связи с фоновой страницей');
    expect((screen.getByLabelText('Замечания') as HTMLTextAreaElement).value).toBe('Добавьте сроки.');
  });

  it('saves the working draft while typing and when the card closes', () => {
    vi.useFakeTimers();
    const { onSaveWorkingDraft, unmount } = renderCard([received, routed], EXECUTOR);
    const box = screen.getByLabelText('Текст ответа');
    fireEvent.input(box, { target: { value: 'Здрав' } });
    fireEvent.input(box, { target: { value: 'Здравствуйте' } });
    expect(onSaveWorkingDraft).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(onSaveWorkingDraft.mock.calls).toEqual([['Здравствуйте']]);
    fireEvent.input(box, { target: { value: 'Здравствуйте, Анна' } });
    act(() => {
      unmount();
    });
    expect(onSaveWorkingDraft).toHaveBeenLastCalledWith('Здравствуйте, Анна');
  });

  it('starts from the saved working draft, and from the returned text when revising', () => {
    renderCard([received, routed], EXECUTOR, { record: record([received, routed], { workingDraft: 'Черновик' }) });
    expect((screen.getByLabelText('Текст ответа') as HTMLTextAreaElement).value).toBe('Черновик');
    cleanup();
    renderCard([received, routed, drafted, returned], EXECUTOR);
    expect((screen.getByLabelText('Текст ответа') as HTMLTextAreaElement).value).toBe('Здравствуйте! Бригада выедет сегодня.');
  });

  it('routes to the responsible unit first, then co-executors', async () => {
    const { onAct, at } = renderCard([received], CURATOR);
    fireEvent.input(screen.getByLabelText('Ответственное подразделение'), { target: { value: HOUSING } });
    fireEvent.click(screen.getByText('+ соисполнитель'));
    fireEvent.input(screen.getByLabelText('Соисполнитель 1'), { target: { value: TRANSPORT } });
    fireEvent.click(screen.getByText('Направить'));
    await waitFor(() => expect(onAct).toHaveBeenCalledTimes(1));
    expect(onAct).toHaveBeenCalledWith({
      type: 'routed',
      actor: { role: 'curator', name: 'Ольга Петрова' },
      at,
      payload: { executors: [{ department: HOUSING }, { department: TRANSPORT }] },
    });
  });

  it('refuses an empty return reason before asking the store', async () => {
    const { onAct } = renderCard([received, routed], EXECUTOR);
    fireEvent.click(screen.getByText('Вернуть Куратору'));
    expect((await screen.findByRole('alert')).textContent).toBe('Укажите причину возврата (п. 5).');
    expect(onAct).not.toHaveBeenCalled();
  });

  it('approves, publishes with a link, and marks not to process with a reason', async () => {
    const a = renderCard([received, routed, drafted], CURATOR);
    fireEvent.click(screen.getByText('Согласовать'));
    await waitFor(() => expect(a.onAct).toHaveBeenCalledWith(expect.objectContaining({ type: 'draftApproved', payload: {} })));
    a.unmount();

    const approved: MessageEvent = { type: 'draftApproved', actor: curatorActor, at: T0 + 80 * MIN, payload: {} };
    const b = renderCard([received, routed, drafted, approved], EXECUTOR);
    expect(b.actions()).toEqual(['published']);
    fireEvent.input(screen.getByLabelText('Ссылка на ответ (необязательно)'), { target: { value: 'https://vk.com/wall-123456_1001?reply=1003' } });
    fireEvent.click(screen.getByText('Отметить размещённым'));
    await waitFor(() =>
      expect(b.onAct).toHaveBeenCalledWith(expect.objectContaining({ type: 'published', payload: { url: 'https://vk.com/wall-123456_1001?reply=1003' } })),
    );
    b.unmount();

    const c = renderCard([received], CURATOR);
    fireEvent.change(screen.getByLabelText('Основание (п. 16)'), { target: { value: 'obscene' } });
    fireEvent.click(screen.getByText('Не обрабатывать'));
    await waitFor(() => expect(c.onAct).toHaveBeenCalledWith(expect.objectContaining({ type: 'notProcessed', payload: { reason: 'obscene' } })));
  });

  it('renders the citizen text as text and links nothing but web addresses', () => {
    const rec = record([received], {
      text: '<img src=x onerror=alert(1)>',
      source: { ...record([received]).source, permalink: 'javascript:alert(1)', authorUrl: 'javascript:alert(2)' },
    });
    const { container, onClose } = renderCard([received], CURATOR, { record: rec });
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(screen.queryByText('Открыть комментарий')).toBeNull();
    fireEvent.click(screen.getByLabelText('Закрыть карточку'));
    expect(onClose).toHaveBeenCalled();
  });

  it('closes on Esc, but in a field holding text the first Esc only leaves the field', () => {
    const { onClose } = renderCard([received, routed], EXECUTOR);
    const box = screen.getByLabelText('Текст ответа') as HTMLTextAreaElement;
    box.focus();
    fireEvent.input(box, { target: { value: 'Здравствуйте! Бригада' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    expect(box.value).toBe('Здравствуйте! Бригада');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
