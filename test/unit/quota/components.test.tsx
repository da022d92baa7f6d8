import { cleanup, render, screen, fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuotaOverview, type QuotaOverviewRow } from '@/components/quota/QuotaOverview';
import { WeeklyQuotaPanel } from '@/components/quota/WeeklyQuotaPanel';
import { lastWeeks, weekSummary } from '@/lib/quota/summary';
import { MON, omsk, post } from './helpers';

afterEach(cleanup);

const thisWeek = (n: number) => Array.from({ length: n }, (_, i) => post(MON + (i + 1) * 60_000));
const BEFORE_MONDAY = () => post(omsk(2026, 11, 22, 18));

describe('WeeklyQuotaPanel', () => {
  it('shows the count, what is left and the pace', () => {
    const now = omsk(2026, 11, 28, 15);
    render(<WeeklyQuotaPanel summary={weekSummary({ posts: [...thisWeek(6), BEFORE_MONDAY()], now, target: 10 })} now={now} />);
    expect(screen.getByText('На этой неделе: 6 из 10 · осталось 4 до воскресенья')).toBeTruthy();
    expect(screen.getByText(/нужно ~2 в день/).textContent).toBe('нужно ~2 в день · ещё 2 дня до конца недели');
    expect(screen.queryByText(/Счёт может быть неполным/)).toBeNull();
  });

  it('warns when behind a steady pace', () => {
    const now = omsk(2026, 11, 26, 12);
    render(<WeeklyQuotaPanel summary={weekSummary({ posts: [...thisWeek(2), BEFORE_MONDAY()], now, target: 10 })} now={now} />);
    expect(screen.getByText(/Отставание от графика/).textContent).toContain('~5');
  });

  it('asks to scroll and gives no pace when the wall was not seen back to Monday', () => {
    const now = omsk(2026, 11, 26, 12);
    render(<WeeklyQuotaPanel summary={weekSummary({ posts: [post(omsk(2026, 11, 26, 9))], now, target: 10 })} now={now} />);
    expect(screen.getByRole('status').textContent).toBe('Счёт может быть неполным: прокрутите стену до понедельника');
    expect(screen.getByText('На этой неделе: не меньше 1 из 10')).toBeTruthy();
    expect(screen.queryByText(/в день/)).toBeNull();
    expect(screen.queryByText(/Отставание/)).toBeNull();
  });

  it('says the target is met', () => {
    const now = omsk(2026, 11, 27, 12);
    render(<WeeklyQuotaPanel summary={weekSummary({ posts: [...thisWeek(5), BEFORE_MONDAY()], now, target: 5 })} now={now} />);
    expect(screen.getByText('На этой неделе: 5 из 5 · цель недели выполнена')).toBeTruthy();
    expect(screen.queryByText(/в день/)).toBeNull();
  });
});

describe('QuotaOverview', () => {
  const now = omsk(2026, 11, 26, 12);
  const seenPosts = [post(omsk(2026, 9, 1)), ...[17, 18, 19, 20, 21].map((d) => post(omsk(2026, 11, d, 10))), post(omsk(2026, 11, 10, 10))];
  const rows: QuotaOverviewRow[] = [
    { id: 'a', name: 'Департамент образования', url: 'https://vk.com/club2', kind: 'department', department: 'Департамент образования', target: 5, weeks: lastWeeks(seenPosts, now, 'Asia/Omsk', 8, 5) },
    { id: 'b', name: 'Администрация города Омска', url: 'https://vk.com/club1', kind: 'administration', department: '', target: 10, weeks: lastWeeks(seenPosts, now, 'Asia/Omsk', 8, 10) },
  ];

  it('shows each page × 8 weeks with met/missed cells, a chart with the target line, and a department row', () => {
    const { container } = render(<QuotaOverview rows={rows} zone="Asia/Omsk" />);
    const table = screen.getByTestId('quota-overview');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Страница', '5–11 окт.', '12–18 окт.', '19–25 окт.', '26 окт. – 1 нояб.', '2–8 нояб.', '9–15 нояб.', '16–22 нояб.', '23–29 нояб.', 'График',
    ]);
    // administration first
    const pageRows = container.querySelectorAll('tr[data-entry-id]');
    expect([...pageRows].map((r) => r.getAttribute('data-entry-id'))).toEqual(['b', 'a']);
    const dept = container.querySelector('tr[data-entry-id="a"]')!;
    const cells = [...dept.querySelectorAll('td.week')];
    expect(cells.map((c) => c.className.replace('week ', ''))).toEqual(['missed', 'missed', 'missed', 'missed', 'missed', 'missed', 'met', 'running']);
    expect(cells[6].getAttribute('title')).toBe('16–22 нояб.: 5 из 5 — выполнено');
    const admin = container.querySelector('tr[data-entry-id="b"]')!;
    expect(admin.querySelectorAll('td.week.missed')).toHaveLength(7);

    const svg = dept.querySelector('svg.week-bars')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelectorAll('rect.bar')).toHaveLength(8);
    expect(svg.querySelectorAll('rect.bar.met')).toHaveLength(1);
    const line = svg.querySelector('line.target')!;
    // the target (5) sits below the top: the scale runs to 1.25 × target
    expect(Number(line.getAttribute('y1'))).toBeCloseTo(36 - (5 / 6.25) * 36);

    expect(screen.getByText('1 страница · выполнено: 1 неделя · не выполнено: 6 недель', { exact: false })).toBeTruthy();
    expect(container.querySelector('tbody[data-department="Администрация"] .department-summary')!.textContent).toContain(
      'не выполнено: 7 недель',
    );
  });

  it('marks weeks the wall was not seen through as «≥», never as missed', () => {
    const partial = lastWeeks([post(omsk(2026, 11, 18, 10))], now, 'Asia/Omsk', 3, 5);
    const { container } = render(<QuotaOverview rows={[{ ...rows[0], weeks: partial }]} />);
    const cells = [...container.querySelectorAll('td.week')];
    expect(cells.map((c) => c.className.replace('week ', ''))).toEqual(['unknown', 'unknown', 'running']);
    expect(cells[1].textContent).toBe('≥1');
    expect(container.querySelector('.department-summary')!.textContent).toContain('нет данных: 2 недели');
  });

  it('exports on request', () => {
    const onExportCsv = vi.fn();
    render(<QuotaOverview rows={rows} onExportCsv={onExportCsv} />);
    fireEvent.click(screen.getByRole('button', { name: 'Скачать CSV' }));
    expect(onExportCsv).toHaveBeenCalledOnce();
  });

  it('says when there is nothing to show', () => {
    render(<QuotaOverview rows={[]} />);
    expect(screen.getByText(/В реестре пока нет страниц/)).toBeTruthy();
  });
});
