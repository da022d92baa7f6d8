import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ImportDialog, type ImportDialogProps, type ImportProgress } from '@/components/workspace/messages/ImportDialog';
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
    expect(commit).toHaveBeenCalledWith('Текст;Ссылка;Автор\r\nЯма во дворе;https://vk.com/wall-1_2?reply=3;Пётр\r\n', 'csv', { text: 'Текст', url: 'Ссылка', author: 'Автор' }, expect.any(Function));
  });

  it('says which encoding a file it cannot read was read in', async () => {
    const { container } = render(<ImportDialog inspect={inspectImport} commit={vi.fn()} />);
    chooseFile(container.querySelector('input[name="messages-import"]')!, cp1251('Текст;Текст\r\nа;б\r\n'), 'плохой.csv');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Файл «плохой.csv» не прочитан (кодировка: Windows-1251):'));
    expect(screen.getByRole('alert').textContent).toContain('столбец «Текст» повторяется');
  });
});

describe('ImportDialog while a large file is written', () => {
  const CSV = 'Текст;Ссылка\r\nЯма во дворе;https://vk.com/wall-1_2?reply=3\r\n';

  async function choose(commit: ImportDialogProps['commit']) {
    const view = render(<ImportDialog inspect={inspectImport} commit={commit} />);
    chooseFile(view.container.querySelector('input[name="messages-import"]')!, new TextEncoder().encode(CSV), 'выгрузка.csv');
    await waitFor(() => screen.getByRole('button', { name: 'Импортировать' }));
    return view;
  }

  it('counts the messages written, with spaces between thousands, and keeps the buttons off until done', async () => {
    let progress: ImportProgress | undefined;
    let finish!: (r: { ok: true; added: number; duplicates: number }) => void;
    const { container } = await choose(
      (_text, _format, _mapping, onProgress) =>
        new Promise((resolve) => {
          progress = onProgress;
          finish = resolve;
        }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Импортировать' }));
    await waitFor(() => expect(progress).toBeDefined());
    expect(screen.getByTestId('import-progress').textContent).toBe('Проверка строк…');

    act(() => progress!(8000, 20_000, 0));
    expect(screen.getByTestId('import-progress').textContent).toMatch(/^Записано 8\s000 из 20\s000$/);
    expect((screen.getByRole('button', { name: 'Импортировать' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Отмена' }) as HTMLButtonElement).disabled).toBe(true);
    expect((container.querySelector('input[name="messages-import"]') as HTMLInputElement).disabled).toBe(true);

    act(() => progress!(19_700, 20_000, 300));
    expect(screen.getByTestId('import-progress').textContent).toMatch(/^Записано 19\s700 из 20\s000, уже были: 300$/);

    finish({ ok: true, added: 19_700, duplicates: 300 });
    await waitFor(() => expect(screen.getByText(/^Загружено сообщений/).textContent).toMatch(/^Загружено сообщений: 19\s700, уже были: 300/));
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });

  it('says how much was written when a part failed, and that importing the file again adds only the rest', async () => {
    await choose(async (_t, _f, _m, onProgress) => {
      onProgress?.(0, 20_000, 0);
      onProgress?.(8000, 20_000, 0);
      return { ok: false, errors: ['ошибка базы данных: QuotaExceededError'], added: 8000, duplicates: 0, total: 20_000 };
    });
    fireEvent.click(screen.getByRole('button', { name: 'Импортировать' }));
    const alert = await screen.findByRole('alert');
    const lines = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines[0]).toMatch(/^Файл «выгрузка\.csv» загружен не полностью: записано 8\s000 из 20\s000; остальные 12\s000 не записаны\.$/i);
    expect(lines[1]).toBe('Причина: ошибка базы данных: QuotaExceededError');
    expect(lines[2]).toBe('Загрузите тот же файл ещё раз: добавятся только недостающие сообщения, уже записанные не повторятся.');
    expect(alert.textContent).not.toContain('ничего не изменено');
    expect((screen.getByRole('button', { name: 'Импортировать' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('does not stay greyed out when the import throws', async () => {
    await choose(async () => {
      throw new Error('база данных закрыта');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Импортировать' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Импорт файла «выгрузка.csv» прерван: база данных закрыта.');
    expect(alert.textContent).toContain('Часть сообщений могла быть записана.');
    expect((screen.getByRole('button', { name: 'Импортировать' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
