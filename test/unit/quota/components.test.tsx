import { cleanup, render, screen, fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuotaOverview, type QuotaOverviewRow } from '@/components/workspace/quota/QuotaOverview';
import { WeeklyQuotaPanel } from '@/components/page/WeeklyQuotaPanel';
import { lastWeeks, weekSummary } from '@/lib/quota/summary';
import { MON, omsk, post } from './helpers';

/** What a week cell of the strip says, as read aloud. */
const cellTexts = (root: Element) => [...root.querySelectorAll('.week-strip .week .quota-sr')].map((c) => c.textContent);
const cellCounts = (root: Element) => [...root.querySelectorAll('.week-strip .week-count')].map((c) => c.textContent);
const cellClasses = (root: Element) => [...root.querySelectorAll('.week-strip .week')].map((c) => c.className.replace(/^week /, ''));

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

  it('says there is no data and asks to open the wall when nobody saw it this week', () => {
    const now = omsk(2026, 11, 26, 12);
    const alone = post(omsk(2026, 11, 24, 9), { firstSeen: now - 60_000, lastSeen: now - 60_000, wallSeen: null });
    render(<WeeklyQuotaPanel summary={weekSummary({ posts: [alone], now, target: 10 })} now={now} />);
    expect(screen.getByText('На этой неделе: нет данных — откройте стену')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Нет данных за эту неделю: откройте стену страницы и прокрутите её до понедельника');
    expect(screen.queryByText(/из 10/)).toBeNull();
    expect(screen.queryByText(/Отставание/)).toBeNull();
  });

  it('works from the page’s status message, which carries no coverage: complete or not tells', () => {
    const now = omsk(2026, 11, 26, 12);
    const { coverage: _, ...fromMessage } = weekSummary({ posts: [post(omsk(2026, 11, 26, 9))], now, target: 10 });
    render(<WeeklyQuotaPanel summary={fromMessage} now={now} />);
    expect(screen.getByText('На этой неделе: не меньше 1 из 10')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Счёт может быть неполным: прокрутите стену до понедельника');
  });

  it.each([
    ['2 published by Tuesday noon, pace 2.14: shown as ~2, so no lag', 2, null],
    ['1 published by Tuesday noon: behind the ~2 it names', 1, 'Отставание от графика: к этому времени нужно было бы ~2'],
  ])('%s', (_, count, lag) => {
    const now = omsk(2026, 11, 24, 12);
    render(<WeeklyQuotaPanel summary={weekSummary({ posts: [...thisWeek(count), BEFORE_MONDAY()], now, target: 10 })} now={now} />);
    expect(screen.queryByText(/Отставание/)?.textContent ?? null).toBe(lag);
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

  it('shows each page as a card: its week line, a strip of 8 weeks and a chart with an axis and the target line', () => {
    const { container } = render(<QuotaOverview rows={rows} zone="Asia/Omsk" />);
    const overview = screen.getByTestId('quota-overview');
    // administration first
    const cards = overview.querySelectorAll('[data-entry-id]');
    expect([...cards].map((r) => r.getAttribute('data-entry-id'))).toEqual(['b', 'a']);

    const dept = container.querySelector('[data-entry-id="a"]')!;
    expect(dept.querySelector('.quota-current')!.textContent).toBe('Эта неделя, 23–29 нояб.: 0 из 5 — идёт');
    expect(cellClasses(dept)).toEqual(['missed', 'missed', 'missed', 'missed', 'missed', 'missed', 'met', 'running current']);
    expect(cellCounts(dept)).toEqual(['0', '0', '0', '0', '0', '1', '5', '0']);
    expect([...dept.querySelectorAll('.week-date')].map((d) => d.textContent)).toEqual(['05.10', '12.10', '19.10', '26.10', '02.11', '09.11', '16.11', '23.11']);
    const cells = dept.querySelectorAll('.week-strip .week');
    expect(cells[6]!.getAttribute('title')).toBe('16–22 нояб.: 5 из 5 — выполнено');
    expect(cellTexts(dept)[6]).toBe('16–22 нояб.: 5 из 5 — выполнено');
    // the running week is last, marked as today's
    expect(cells[7]!.getAttribute('aria-current')).toBe('date');
    expect(dept.querySelectorAll('[aria-current]')).toHaveLength(1);
    const admin = container.querySelector('[data-entry-id="b"]')!;
    expect(admin.querySelectorAll('.week.missed')).toHaveLength(7);

    const svg = dept.querySelector('svg.week-bars')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/^Публикации по неделям, цель 5 в неделю: 5–11 окт\.: 0 из 5 — не выполнено; /);
    expect(svg.querySelectorAll('rect.bar')).toHaveLength(8);
    expect(svg.querySelectorAll('rect.bar.met')).toHaveLength(1);
    expect(svg.querySelectorAll('rect.bar.current')).toHaveLength(1);
    expect(svg.querySelectorAll('line.axis')).toHaveLength(2);
    // the y axis reads 0, the target and the top of the scale; the dashed target line sits at its tick
    const ticks = [...svg.querySelectorAll('text.tick')];
    expect(ticks.map((t) => t.textContent)).toEqual(['0', '5', '7']);
    const targetTick = svg.querySelector('text.tick-target')!;
    expect(targetTick.textContent).toBe('5');
    const line = svg.querySelector('line.target')!;
    expect(line.getAttribute('y1')).toBe(targetTick.getAttribute('y'));
    expect(Number(line.getAttribute('y1'))).toBeLessThan(Number(svg.querySelector('text.tick')!.getAttribute('y')));
    expect(Number(line.getAttribute('y1'))).toBeGreaterThan(Number(ticks[2]!.getAttribute('y')));
    expect(svg.querySelector('text.x-label.current')!.textContent).toBe('23.11');

    expect(container.querySelector('[data-department="Департамент образования"] .department-summary')!.textContent).toBe(
      '1 страница · выполнено: 1 неделя · не выполнено: 6 недель',
    );
    expect(container.querySelector('[data-department="Администрация"] .department-summary')!.textContent).toContain('не выполнено: 7 недель');
  });

  it('marks weeks seen in part «≥N», weeks nobody saw «—», never as missed', () => {
    const partial = lastWeeks([post(omsk(2026, 11, 18, 10))], now, 'Asia/Omsk', 3, 5);
    const { container } = render(<QuotaOverview rows={[{ ...rows[0]!, weeks: partial }]} />);
    expect(cellClasses(container)).toEqual(['nodata', 'partial', 'running current']);
    expect(cellCounts(container)).toEqual(['—', '≥1', '0']);
    expect(cellTexts(container)).toEqual(['9–15 нояб.: нет данных — откройте стену', '16–22 нояб.: ≥1 из 5 — счёт неполный', '23–29 нояб.: 0 из 5 — идёт']);
    expect(container.querySelector('.department-summary')!.textContent).toBe(
      '1 страница · выполнено: 0 недель · не выполнено: 0 недель · счёт неполный: 1 неделя · нет данных: 1 неделя',
    );
    expect(container.querySelector('.quota-nodata')!.textContent).toBe('Нет данных: 1 неделя — откройте стену и прокрутите её до этих недель.');
    expect(container.querySelectorAll('svg rect.nodata-slot')).toHaveLength(1);
  });

  it('a page never opened: «нет данных — откройте стену» in every week, a link to its wall, and no met/missed in the summary', () => {
    const never: QuotaOverviewRow = { ...rows[1]!, id: 'n', name: 'Отдел по делам молодёжи', kind: 'department', department: 'Департамент образования', target: 5, weeks: lastWeeks([], now, 'Asia/Omsk', 8, 5) };
    const { container } = render(<QuotaOverview rows={[rows[0]!, never]} />);
    const card = container.querySelector('[data-entry-id="n"]')!;
    expect(cellCounts(card)).toEqual(Array(8).fill('—'));
    expect(cellTexts(card).every((t) => t!.endsWith(': нет данных — откройте стену'))).toBe(true);
    expect(card.querySelector('.quota-current')!.textContent).toBe('Эта неделя, 23–29 нояб.: нет данных — откройте стену');
    expect(card.querySelectorAll('.week.missed, .week.running')).toHaveLength(0);
    expect(card.querySelector('svg')).toBeNull();
    const hint = card.querySelector('.quota-nodata')!;
    expect(hint.textContent).toBe('Нет данных ни за одну неделю — откройте стену и прокрутите её до этих недель.');
    expect(within(hint as HTMLElement).getByRole('link', { name: 'откройте стену' }).getAttribute('href')).toBe('https://vk.com/club1');
    // the other page of the department still counts; this one adds only «no data»
    expect(container.querySelector('.department-summary')!.textContent).toBe(
      '2 страницы · выполнено: 1 неделя · не выполнено: 6 недель · нет данных: 7 недель · стену не открывали: 1 страница',
    );
  });

  it('a page whose wall was never opened, only its posts one by one: no red «0 из 10 — не выполнено» weeks', () => {
    const seen = omsk(2026, 11, 26, 11);
    const alone = [omsk(2026, 10, 1, 10), omsk(2026, 11, 3, 10), omsk(2026, 11, 24, 10)].map((at) => post(at, { firstSeen: seen, lastSeen: seen, wallSeen: null }));
    const row: QuotaOverviewRow = { ...rows[1]!, weeks: lastWeeks(alone, now, 'Asia/Omsk', 8, 10) };
    const { container } = render(<QuotaOverview rows={[row]} />);
    expect(container.querySelectorAll('.week.missed')).toHaveLength(0);
    expect(cellClasses(container).every((c) => c.startsWith('nodata'))).toBe(true);
    expect(screen.queryByText(/не выполнено$/)).toBeNull();
    expect(container.querySelector('.department-summary')!.textContent).toBe(
      '1 страница · выполнено: 0 недель · не выполнено: 0 недель · нет данных: 7 недель · стену не открывали: 1 страница',
    );
  });

  it('starts the strip scrolled to the current week when the panel is too narrow for all of it', () => {
    const proto = HTMLElement.prototype;
    const scrollWidth = Object.getOwnPropertyDescriptor(proto, 'scrollWidth');
    const clientWidth = Object.getOwnPropertyDescriptor(proto, 'clientWidth');
    Object.defineProperty(proto, 'scrollWidth', { configurable: true, get: () => 400 });
    Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => 280 });
    try {
      const { container } = render(<QuotaOverview rows={[rows[0]!]} />);
      expect((container.querySelector('.week-strip') as HTMLElement).scrollLeft).toBeGreaterThan(0);
    } finally {
      if (scrollWidth) Object.defineProperty(proto, 'scrollWidth', scrollWidth);
      else delete (proto as { scrollWidth?: number }).scrollWidth;
      if (clientWidth) Object.defineProperty(proto, 'clientWidth', clientWidth);
      else delete (proto as { clientWidth?: number }).clientWidth;
    }
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
