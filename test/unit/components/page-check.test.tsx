import { act, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { describeCheck, PageCheckSection } from '@/components/shared/PageCheck';
import type { PageCheck } from '@/lib/sites/check';

const GOOD: PageCheck = {
  site: 'vk', kind: 'post', posts: 1, comments: 7, placeholders: 0, unread: 0, datesRead: 7, authors: 7,
  replyControls: 7, composer: true, siteSays: 7, mismatch: false,
};

describe('describeCheck: the page check in plain Russian', () => {
  it('a page read whole says so and what it found', () => {
    const t = describeCheck(GOOD);
    expect(t.ok).toBe(true);
    expect(t.headline).toBe('Страница прочитана: всё, что показывает сайт, распознано.');
    expect(t.found).toEqual([
      'Записей: 1',
      'Комментариев: 7 (сайт показывает 7)',
      'С датой: 7 из 7 · с автором: 7 из 7 · с кнопкой «Ответить»: 7 из 7',
      'Поле ответа: найдено',
    ]);
  });

  it('a changed markup: what is not read and what it breaks', () => {
    const t = describeCheck({ ...GOOD, comments: 0, unread: 2, datesRead: 0, authors: 0, replyControls: 0, mismatch: true });
    expect(t.ok).toBe(false);
    expect(t.problems).toEqual([
      'Сайт показывает 7 комментариев, а Отклик не распознал ни одного: сайт изменил разметку. Отметки нарушений, журнал удалений и «Вставить ответ» здесь не работают.',
      '2 комментария найдены, но не прочитаны: у них не распознаны номер и дата.',
    ]);
  });

  it.each([
    [{ datesRead: 6 }, 'У 1 комментария не прочитана дата: срок ответа по нему не посчитать.'],
    [{ datesRead: 2 }, 'У 5 комментариев не прочитана дата: срок ответа по ним не посчитать.'],
    [{ authors: 5 }, 'У 2 комментариев не найден автор.'],
    [{ replyControls: 6 }, 'У 1 комментария нет кнопки «Ответить»: «Вставить ответ» к нему не сработает (или комментарии закрыты).'],
    [{ unread: 1 }, '1 комментарий найден, но не прочитан: у него не распознаны номер и дата.'],
    [{ kind: 'other' as const, posts: 0, comments: 0, siteSays: null }, 'Это не стена, не запись и не обсуждение: здесь Отклик не читает комментарии.'],
    [{ kind: 'wall' as const, posts: 0, comments: 0, siteSays: null }, 'Записи не найдены: публикации этой страницы не посчитать.'],
  ])('%o', (change, problem) => {
    expect(describeCheck({ ...GOOD, ...change }).problems).toContain(problem);
  });

  it('comments folded behind «Показать ещё» are a hint, not a fault', () => {
    const t = describeCheck({ ...GOOD, comments: 12, datesRead: 12, authors: 12, replyControls: 12, siteSays: 40 });
    expect(t.ok).toBe(true);
    expect(t.found).toContain('Часть комментариев может быть свёрнута: раскройте ответы и «Показать следующие комментарии» и проверьте снова.');
  });
});

describe('PageCheckSection', () => {
  it('shows the check on demand and copies the report', async () => {
    const copied: string[] = [];
    render(<PageCheckSection run={() => GOOD} report={() => 'REPORT'} copy={async (t) => (copied.push(t), true)} />);
    expect(screen.queryByTestId('page-check-result')).toBeNull();
    fireEvent.click(screen.getByText('Проверить страницу'));
    expect(screen.getByTestId('page-check-result').textContent).toContain('Комментариев: 7 (сайт показывает 7)');
    await act(async () => void fireEvent.click(screen.getByText('Скопировать отчёт для разработчиков')));
    expect(copied).toEqual(['REPORT']);
    expect(screen.getByTestId('report-note').textContent).toContain('Отчёт скопирован');
  });

  it('when the browser refuses the clipboard, the report is there to select', async () => {
    render(<PageCheckSection run={() => GOOD} report={() => 'REPORT'} copy={async () => false} />);
    await act(async () => void fireEvent.click(screen.getByText('Скопировать отчёт для разработчиков')));
    expect(screen.getByTestId('report-note').textContent).toContain('Браузер не дал скопировать');
    expect((screen.getByTestId('report-note').querySelector('textarea') as HTMLTextAreaElement).value).toBe('REPORT');
  });
});
