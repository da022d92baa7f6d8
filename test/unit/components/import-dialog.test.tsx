import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ImportDialog } from '@/components/messages/ImportDialog';
import { inspectImport } from '@/lib/messages/import';
import { chooseFile } from '../choose-file';
import { cp1251 } from '../cp1251';

describe('ImportDialog', () => {
  it('reads a Windows-1251 file from Russian Excel and says how it read it', async () => {
    const commit = vi.fn(async () => ({ ok: true as const, added: 1, duplicates: 0 }));
    const { container } = render(<ImportDialog inspect={inspectImport} commit={commit} />);
    const bytes = cp1251('Текст;Ссылка;Автор\r\nЯма во дворе;https://vk.com/wall-1_2?reply=3;Пётр\r\n');
    chooseFile(container.querySelector('input[name="messages-import"]')!, bytes, 'выгрузка.csv');

    await waitFor(() => expect(screen.getByTestId('import-reading').textContent).toBe('Кодировка: Windows-1251, разделитель: точка с запятой'));
    const textSelect = screen.getByLabelText(/^Текст/) as HTMLSelectElement;
    expect(textSelect.value).toBe('Текст');
    expect([...textSelect.options].map((o) => o.value)).toEqual(['', 'Текст', 'Ссылка', 'Автор']);

    fireEvent.click(screen.getByRole('button', { name: 'Импортировать' }));
    await waitFor(() => expect(screen.getByText(/Загружено сообщений: 1/).textContent).toBe('Загружено сообщений: 1. Кодировка: Windows-1251, разделитель: точка с запятой'));
    expect(commit).toHaveBeenCalledWith('Текст;Ссылка;Автор\r\nЯма во дворе;https://vk.com/wall-1_2?reply=3;Пётр\r\n', 'csv', { text: 'Текст', url: 'Ссылка', author: 'Автор' });
  });

  it('says which encoding a file it cannot read was read in', async () => {
    const { container } = render(<ImportDialog inspect={inspectImport} commit={vi.fn()} />);
    chooseFile(container.querySelector('input[name="messages-import"]')!, cp1251('Текст;Текст\r\nа;б\r\n'), 'плохой.csv');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Файл «плохой.csv» не прочитан (кодировка: Windows-1251):'));
    expect(screen.getByRole('alert').textContent).toContain('столбец «Текст» повторяется');
  });
});
