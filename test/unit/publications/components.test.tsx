import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestCard } from '@/components/workspace/publications/RequestCard';
import { RequestForm } from '@/components/workspace/publications/RequestForm';
import { WeekPlanView } from '@/components/workspace/publications/WeekPlanView';
import { PageChecksCell } from '@/components/workspace/registry/PageChecks';
import { RegistryTable } from '@/components/workspace/registry/RegistryTable';
import { pageChecks } from '@/lib/publications/page-checks';
import { weekPlan } from '@/lib/publications/plan';
import { replayPublication } from '@/lib/publications/reducer';
import type { PublicationEvent } from '@/lib/publications/schema';
import { entry } from '../registry/helpers';
import { dip, omsk, owner, pev, submitted } from './helpers';

afterEach(cleanup);
const ZONE = 'Asia/Omsk';
const pages = [{ id: 'admin-vk', name: 'Администрация города', kind: 'administration' as const }];

describe('the request form', () => {
  it('shows the style hints as the text is typed, names files without reading them, and sends the request', async () => {
    const onSubmit = vi.fn(async () => ({ ok: true as const }));
    render(<RequestForm me={owner()} pages={pages} now={() => omsk('2026-03-02T10:00')} onSubmit={onSubmit} />);
    const text = screen.getByLabelText('Текст');
    fireEvent.input(text, { target: { value: 'В целях реализации программы состоялось совещание.' } });
    expect(screen.getByTestId('style-hints').textContent).toMatch(/«В целях реализации» — язык отчёта.*Проще: «чтобы…»/);
    const file = new File(['x'.repeat(2048)], 'схема.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText(/Файлы/), { target: { files: [file] } });
    expect(screen.getByText(/схема\.png · 2 КБ/)).toBeTruthy();
    fireEvent.submit(screen.getByTestId('pub-form'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    const calls = onSubmit.mock.calls as unknown as [PublicationEvent][];
    expect(calls[0]![0]).toMatchObject({ type: 'submitted', payload: { format: 'text', attachments: [{ name: 'схема.png', size: 2048 }], pages: ['admin-vk'], wishedDate: null } });
    await screen.findByText('Отправлено в департамент информационной политики.');
  });

  it('an empty text is refused in Russian, nothing is sent', async () => {
    const onSubmit = vi.fn();
    render(<RequestForm me={owner()} pages={pages} now={() => 1} onSubmit={onSubmit} />);
    fireEvent.submit(screen.getByTestId('pub-form'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/текст публикации пуст/);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('the request card', () => {
  const record = (events: PublicationEvent[]) => ({ id: 'r1', events, createdAt: 1, updatedAt: 1 });
  const sub = submitted();

  it('the DIP returns it with numbered remarks, one a line', async () => {
    const onAct = vi.fn(async () => ({ ok: true as const }));
    render(<RequestCard record={record([sub])} state={replayPublication([sub])} me={dip} zone={ZONE} pageName={() => 'Администрация'} now={() => omsk('2026-03-02T12:00')} onAct={onAct} onClose={() => {}} />);
    fireEvent.input(screen.getByLabelText('Замечания — каждое с новой строки'), { target: { value: '1. Добавьте время\n\n2) Короче' } });
    fireEvent.click(screen.getByRole('button', { name: 'Вернуть на доработку' }));
    await waitFor(() => expect(onAct).toHaveBeenCalled());
    const calls = onAct.mock.calls as unknown as [PublicationEvent][];
    expect(calls[0]![0]).toMatchObject({ type: 'returned', actor: dip, payload: { remarks: ['Добавьте время', 'Короче'] } });
  });

  it('the author sees the remarks and may revise; no decision buttons', () => {
    const events = [sub, pev('returned', dip, '2026-03-02T11:00', { remarks: ['Добавьте время'] })];
    render(<RequestCard record={record(events)} state={replayPublication(events)} me={owner()} zone={ZONE} pageName={() => 'А'} now={() => omsk('2026-03-02T12:00')} onAct={vi.fn()} onClose={() => {}} />);
    expect(screen.getByTestId('pub-remarks').textContent).toBe('Добавьте время');
    expect(screen.getByRole('button', { name: 'Направить после доработки' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Согласовать' })).toBeNull();
  });
});

describe('the week plan', () => {
  it('a calendar of seven days with the page’s sum against its target', () => {
    const state = replayPublication([submitted(), pev('approved', dip, '2026-03-02T11:00', { plannedAt: omsk('2026-03-05T10:00') })]);
    const plan = weekPlan({ id: 'admin-vk', name: 'Администрация города', kind: 'administration' }, [], [{ id: 'r', state }], omsk('2026-03-02T00:00'), ZONE);
    const onOpen = vi.fn();
    render(<WeekPlanView plans={[plan]} weekLabel="2–8 мар." today="2026-03-04" zone={ZONE} onShift={() => {}} onOpen={onOpen} />);
    expect(screen.getByTestId('plan-sum').textContent).toMatch(/1 из 10 · опубликовано 0, согласовано 1, на рассмотрении 0 · не хватает 9/);
    expect(screen.getAllByRole('listitem').filter((li) => li.parentElement?.classList.contains('pub-calendar'))).toHaveLength(7);
    fireEvent.click(screen.getByRole('button', { name: /С понедельника автобус/ }));
    expect(onOpen).toHaveBeenCalledWith('r');
  });
});

describe('page checks in the registry (App. 2 §4, §12)', () => {
  it('missing documents and an undescribed wall show like an overdue check, and are counted', () => {
    const e = entry({ id: 'dept', kind: 'department', department: 'Департамент культуры' });
    const checks = pageChecks('department', undefined, { pageKey: 'vk:-100', at: 1, description: false, cover: false, avatar: true });
    const { container } = render(
      <RegistryTable
        entries={[e]}
        today="2026-11-28"
        onEdit={() => {}}
        onRemove={() => {}}
        pageChecks={() => ({ problems: checks.problems, cell: <PageChecksCell entryId="dept" checks={checks} founding={undefined} today="2026-11-28" onSave={() => {}} /> })}
      />,
    );
    expect(screen.getByTestId('page-check-problems').textContent).toMatch(/Не хватает по пп\. 4 и 12 Порядка: 3/);
    expect(container.querySelector('tr.has-problems')).toBeTruthy();
    expect(container.querySelector('[data-check="Описание"]')!.className).toBe('badge overdue');
    expect(container.querySelector('[data-check="Оформление"]')!.className).toBe('badge ok');
  });

  it('the decision and the approval are saved with dates and numbers', async () => {
    const onSave = vi.fn();
    const checks = pageChecks('department', undefined, undefined);
    render(<PageChecksCell entryId="dept" checks={checks} founding={undefined} today="2026-11-28" onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Указать решение и согласование' }));
    fireEvent.input(screen.getByLabelText(/Решение: дата/), { target: { value: '2025-01-10' } });
    fireEvent.input(screen.getAllByLabelText('№')[0]!, { target: { value: '12-р' } });
    fireEvent.input(screen.getByLabelText(/Согласование: дата/), { target: { value: '2025-01-15' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Решение и согласование' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Укажите и дату, и номер');
    fireEvent.input(screen.getAllByLabelText('№')[1]!, { target: { value: 'ДИП-4' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Решение и согласование' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0]).toMatchObject({ entryId: 'dept', decision: { date: '2025-01-10', number: '12-р' }, approval: { date: '2025-01-15', number: 'ДИП-4' } });
  });
});
