import { signal } from '@preact/signals';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ModerationLog } from '@/components/workspace/ModerationLog';
import type { ModerationEntry } from '@/lib/moderation/log';

const NOW = Date.UTC(2025, 4, 10, 6, 0);

function entry(id: number, over: Partial<ModerationEntry>): ModerationEntry {
  return {
    id,
    site: 'vk',
    pageKey: 'vk:-123456',
    pageUrl: 'https://vk.com/club123456',
    pageName: 'Администрация города',
    postId: '-123456_1001',
    commentKey: `vk:-123456_${id}`,
    commentId: `-123456_${id}`,
    permalink: `https://vk.com/wall-123456_1001?reply=${id}`,
    authorId: '1',
    authorName: `Автор ${id}`,
    authorUrl: null,
    text: `Текст ${id}`,
    publishedAt: null,
    categories: ['obscenity'],
    clauses: ['п. 15 прил. 2'],
    matches: [],
    action: 'deleted',
    how: 'manual',
    scope: null,
    at: NOW - 3600_000,
    recordedBy: 'Анна',
    ...over,
  };
}

describe('the moderation log view', () => {
  const entries = signal<ModerationEntry[] | null>([
    entry(1, {}),
    entry(2, { categories: ['spam'], pageKey: 'ok:70000001234567', pageName: 'Департамент' }),
    entry(3, { at: NOW - 10 * 86_400_000, text: '<img src=x onerror=alert(1)>' }),
  ]);

  it('lists entries, filters by category, page and period, and exports what is shown', () => {
    const onExport = vi.fn();
    render(<ModerationLog entries={entries} timeZone="Asia/Omsk" now={() => NOW} onExport={onExport} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    // Text from a comment is text, never markup.
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Категория'), { target: { value: 'spam' } });
    expect(screen.getAllByRole('listitem').map((li) => li.dataset.commentKey)).toEqual(['vk:-123456_2']);

    fireEvent.change(screen.getByLabelText('Категория'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Страница'), { target: { value: 'vk:-123456' } });
    fireEvent.change(screen.getByLabelText('Период'), { target: { value: 'week' } });
    expect(screen.getAllByRole('listitem').map((li) => li.dataset.commentKey)).toEqual(['vk:-123456_1']);

    fireEvent.click(screen.getByText('Скачать CSV'));
    expect(onExport).toHaveBeenCalledWith([expect.objectContaining({ id: 1 })]);
  });

  it('says when the log is empty', () => {
    render(<ModerationLog entries={signal([])} timeZone="Asia/Omsk" now={() => NOW} onExport={() => {}} />);
    expect(screen.getByText('Журнал пуст: удалённых комментариев пока нет.')).toBeTruthy();
  });
});
