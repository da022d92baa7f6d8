import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { BackupPanel } from '@/components/options/BackupPanel';
import { backupToText, exportBackup, type Backup, type RestoreResult } from '@/lib/backup';
import { openDatabase } from '@/lib/db/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { NOW } from '../reports/dataset';
import { SETTINGS, fill, memoryStorage } from './fixtures';

const ok: RestoreResult = {
  ok: true,
  mode: 'merge',
  tables: { pages: { added: 0, updated: 0 }, posts: { added: 0, updated: 0 }, comments: { added: 0, updated: 0 }, moderation: { added: 0, updated: 0 }, registry: { added: 1, updated: 0 }, messages: { added: 2, updated: 1 },
    publications: { added: 1, updated: 1 }, pageFounding: { added: 1, updated: 0 }, postStats: { added: 3, updated: 0 }, pageLooks: { added: 0, updated: 1 } },
  conflicts: ['M5'],
  settings: [],
};

function choose(input: HTMLElement, text: string, name = 'otklik-backup.json') {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

async function goodText() {
  const db = openDatabase(`test-${Math.random()}`);
  await fill(db, createWorkClock());
  return backupToText(await exportBackup(db, memoryStorage(SETTINGS), NOW));
}

describe('BackupPanel', () => {
  it('shows what the file holds, then offers merge or replace (replace asks twice)', async () => {
    const onRestore = vi.fn(async (_b: Backup, _m: string) => ok);
    const onExport = vi.fn();
    render(<BackupPanel onExport={onExport} databaseEmpty={false} onRestore={onRestore} zone="Asia/Omsk" />);
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить резервную копию' }));
    expect(onExport).toHaveBeenCalledOnce();
    choose(screen.getByTestId('backup-file'), await goodText());
    const summary = await screen.findByTestId('backup-summary');
    expect(summary.textContent).toContain('копия от 15.05.2025, 09:00');
    expect(summary.textContent).toContain('сообщения: 21');
    expect(summary.textContent).toContain('настройки: 5');
    fireEvent.click(screen.getByRole('button', { name: 'Заменить' }));
    expect(onRestore).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Объединить' }));
    await waitFor(() => expect(onRestore).toHaveBeenCalledOnce());
    expect(onRestore.mock.calls[0]![1]).toBe('merge');
    expect((await screen.findByTestId('backup-result')).textContent).toContain('Требуют решения Куратора: M5');
  });

  it('an empty database gets one «Восстановить»', async () => {
    const onRestore = vi.fn(async () => ({ ...ok, mode: 'replace' as const, conflicts: [] }));
    render(<BackupPanel onExport={() => {}} databaseEmpty onRestore={onRestore} zone="Asia/Omsk" />);
    choose(screen.getByTestId('backup-file'), await goodText());
    fireEvent.click(await screen.findByRole('button', { name: 'Восстановить' }));
    await waitFor(() => expect(onRestore).toHaveBeenCalledWith(expect.anything(), 'replace'));
    expect(screen.queryByRole('button', { name: 'Объединить' })).toBeNull();
  });

  it('counts the publication tables, and says when a file was made before them', async () => {
    render(<BackupPanel onExport={() => {}} databaseEmpty={false} onRestore={async () => ok} zone="Asia/Omsk" />);
    choose(screen.getByTestId('backup-file'), await goodText());
    const summary = await screen.findByTestId('backup-summary');
    expect(summary.textContent).toContain('заявки на публикацию: 2');
    expect(summary.textContent).toContain('решения о создании страниц: 1');
    expect(summary.textContent).toContain('показатели публикаций: 2');
    expect(summary.textContent).toContain('оформление страниц: 1');
    expect(screen.queryByTestId('backup-older')).toBeNull();
    const old = JSON.parse(await goodText());
    for (const t of ['publications', 'pageFounding', 'postStats', 'pageLooks']) delete old.tables[t];
    choose(screen.getByTestId('backup-file'), JSON.stringify(old), 'old.json');
    expect((await screen.findByTestId('backup-older')).textContent).toMatch(/^Копия сделана до появления заявок на публикацию.*При объединении ваши остаются как есть, при замене — удаляются\.$/);
    expect(screen.getByTestId('backup-summary').textContent).toContain('заявки на публикацию: 0');
  });

  it('a refused file shows the reason and offers nothing', async () => {
    const onRestore = vi.fn();
    render(<BackupPanel onExport={() => {}} databaseEmpty={false} onRestore={onRestore} zone="Asia/Omsk" />);
    choose(screen.getByTestId('backup-file'), '{"kind":"otklik-backup","version":2}');
    expect((await screen.findByRole('alert')).textContent).toBe('Файл от более новой версии Отклика (2), обновите расширение.');
    expect(screen.queryByRole('button', { name: 'Объединить' })).toBeNull();
    expect(onRestore).not.toHaveBeenCalled();
  });
});
