/** «Шаблон» in the message card's draft: the team's saved replies, filled from the message. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageCard, type CardUser, type MessageCardProps, type NewMessageEvent } from '@/components/workspace/messages/MessageCard';
import { lintDraft } from '@/lib/messages/lint';
import { derive } from '@/lib/messages/summary';
import { finalReplyDueIfSentAt } from '@/lib/replies/due';
import type { ReplyTemplate } from '@/lib/replies/schema';
import type { MessageEvent } from '@/lib/workflow/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { messageRecord } from '../../messages';

// Tuesday 13 May 2025, 09:00 in Omsk (UTC+6).
const T0 = Date.UTC(2025, 4, 13, 3, 0);
const MIN = 60_000;
const clock = createWorkClock();

const HOUSING = 'Департамент городского хозяйства';
const TRANSPORT = 'Департамент транспорта';
const curator = { role: 'curator', name: 'Ольга Петрова' } as const;
const EXECUTOR: CardUser = { role: 'executor', name: 'Иван Смирнов', department: HOUSING };

const received: MessageEvent = { type: 'received', actor: curator, at: T0, payload: { importance: 'normal', topic: 'Отопление', location: 'ул. Ленина, 5' } };
const routed: MessageEvent = { type: 'routed', actor: curator, at: T0 + 10 * MIN, payload: { executors: [{ department: HOUSING }] } };

const template = (id: string, title: string, topic: string, text: string, department = ''): ReplyTemplate => ({
  id,
  title,
  topic,
  department,
  text,
  updatedAt: T0 - 86_400_000,
  updatedBy: 'Ольга Петрова',
});
const LIBRARY = [
  template('general', 'Благодарность', '', '{имя}, спасибо за сообщение!'),
  template('heat', 'Отопление: бригада', 'Отопление', 'Здравствуйте, {имя}! {подразделение} направит бригаду по адресу {адрес}, к дому {номер дома}.', HOUSING),
  template('later', 'Отопление: проверка', 'отопление', '{имя}, проверим и ответим до {дата ответа}.'),
  template('bus', 'Маршрут', 'Транспорт', '{имя}, маршрут проверим.', TRANSPORT),
  template('snow', 'Уборка снега', 'Уборка снега', '{имя}, снег уберут.'),
];

function renderCard(over: Partial<MessageCardProps> = {}, events: MessageEvent[] = [received, routed]) {
  const rec = messageRecord('1002', events, { id: 'msg-1', author: 'Анна Иванова', text: 'Третий день холодные батареи.', createdAt: T0, updatedAt: T0 });
  const at = events[events.length - 1]!.at + 5 * MIN;
  const { state, report } = derive(rec, clock, at);
  const onSaveWorkingDraft = vi.fn<(text: string) => void>();
  const lint = vi.fn<MessageCardProps['lint']>((text) => (text.includes('{') ? [{ code: 'placeholder', message: 'в тексте остался шаблон' }] : []));
  const props: MessageCardProps = {
    record: rec,
    derived: { state, report },
    me: EXECUTOR,
    zone: 'Asia/Omsk',
    lint,
    onAct: vi.fn(async (_: NewMessageEvent) => ({ ok: true as const })),
    onSaveWorkingDraft,
    onClose: vi.fn(),
    now: () => at,
    templates: { list: LIBRARY, finalReplyDue: (sentAt, importance) => finalReplyDueIfSentAt(clock, sentAt, importance) },
    ...over,
  };
  const view = render(<MessageCard {...props} />);
  return { ...view, lint, onSaveWorkingDraft, at };
}

const box = () => screen.getByLabelText('Текст ответа') as HTMLTextAreaElement;
const picker = () => screen.getByLabelText('Шаблон') as HTMLSelectElement;
const choose = (id: string) => fireEvent.change(picker(), { target: { value: id } });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('«Шаблон» in the draft editor', () => {
  it('lists the templates that fit: the topic’s first, the unit’s own, never another unit’s', () => {
    renderCard();
    const groups = [...picker().querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.textContent)]);
    expect(groups).toEqual([
      ['По теме «Отопление»', ['Отопление: бригада', 'Отопление: проверка']],
      ['Для любой темы', ['Благодарность']],
      ['Другие темы', ['Уборка снега — Уборка снега']],
    ]);
    expect(picker().value).toBe('');
  });

  it('is not there without a library', () => {
    renderCard({ templates: undefined });
    expect(screen.queryByLabelText('Шаблон')).toBeNull();
    renderCard({ templates: { list: [] } });
    expect(screen.queryByLabelText('Шаблон')).toBeNull();
  });

  it('fills an empty draft from the message, saves it as typed text is saved, and the lint runs on it', async () => {
    const { lint, onSaveWorkingDraft } = renderCard();
    choose('heat');
    const filled = `Здравствуйте, Анна! ${HOUSING} направит бригаду по адресу ул. Ленина, 5, к дому {номер дома}.`;
    expect(box().value).toBe(filled);
    expect(lint).toHaveBeenLastCalledWith(filled, { kind: 'final', importance: 'normal', repeat: false });
    expect(within(screen.getByRole('list', { name: 'Замечания к тексту' })).getByText('в тексте остался шаблон')).toBeTruthy();
    // The gap left for the executor is selected: typing replaces it.
    expect(document.activeElement).toBe(box());
    expect(box().value.slice(box().selectionStart, box().selectionEnd)).toBe('{номер дома}');
    expect(picker().value).toBe('');
    await waitFor(() => expect(onSaveWorkingDraft).toHaveBeenLastCalledWith(filled));
  });

  it('over text already written it asks first, inline; «Оставить мой текст» keeps it, «Заменить текст» replaces it', () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    renderCard();
    fireEvent.input(box(), { target: { value: 'Мой черновик' } });
    choose('later');
    expect(box().value).toBe('Мой черновик');
    const ask = screen.getByRole('group', { name: 'Заменить текст шаблоном?' });
    expect(ask.textContent).toContain('Заменить его шаблоном «Отопление: проверка»?');
    fireEvent.click(within(ask).getByRole('button', { name: 'Оставить мой текст' }));
    expect(screen.queryByRole('group', { name: 'Заменить текст шаблоном?' })).toBeNull();
    expect(box().value).toBe('Мой черновик');

    choose('later');
    fireEvent.click(screen.getByRole('button', { name: 'Заменить текст' }));
    // Tuesday 13 May + 7 working days: the final reply is due on Thursday 22 May (§11).
    expect(box().value).toBe('Анна, проверим и ответим до 22 мая.');
    expect(screen.queryByRole('group', { name: 'Заменить текст шаблоном?' })).toBeNull();
    expect(confirm).not.toHaveBeenCalled();
  });

  it('with the real style checks: an intermediate reply from a template names its term, a gap is pointed at', () => {
    renderCard({ lint: (text, ctx) => lintDraft(text, { kind: ctx.kind, repeat: ctx.repeat }) });
    fireEvent.click(screen.getByRole('radio', { name: /промежуточный/ }));
    choose('later');
    expect(screen.queryByRole('list', { name: 'Замечания к тексту' })).toBeNull();
    choose('heat');
    fireEvent.click(screen.getByRole('button', { name: 'Заменить текст' }));
    const hints = screen.getByRole('list', { name: 'Замечания к тексту' });
    expect([...hints.querySelectorAll('li')].map((li) => li.dataset.code)).toEqual(['placeholder', 'noFinalDate']);
    expect(hints.textContent).toContain('не заполнен шаблон «{номер дома}»');
  });

  it('leaves {дата ответа} for the executor when the message has no date (high importance, no date agreed)', () => {
    const high: MessageEvent = { ...received, payload: { ...received.payload, importance: 'high' } } as MessageEvent;
    renderCard({}, [high, routed]);
    choose('later');
    expect(box().value).toBe('Анна, проверим и ответим до {дата ответа}.');
  });
});
