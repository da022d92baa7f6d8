import { useSignal } from '@preact/signals';
import { describeBackup, parseBackup } from '@/lib/backup/parse';
import type { RestoreMode, RestoreResult } from '@/lib/backup/restore';
import { BACKUP_TABLES, TABLE_LABELS, type Backup } from '@/lib/backup/types';
import { formatDateTime } from '@/lib/reports/format';
import { FileButton } from '../shared/FileButton';

export interface BackupPanelProps {
  /** Builds the file and saves it (exportBackup → backupToText → downloadText). */
  onExport(): void | Promise<void>;
  /** Whether the database holds anything: then the user chooses merge or replace. */
  databaseEmpty: boolean;
  onRestore(backup: Backup, mode: RestoreMode): Promise<RestoreResult>;
  zone: string;
}

export function resultText(r: RestoreResult): string {
  if (!r.ok) return r.error;
  const added = BACKUP_TABLES.map((t) => `${TABLE_LABELS[t]}: +${r.tables[t].added}${r.tables[t].updated ? `, обновлено ${r.tables[t].updated}` : ''}`).join('; ');
  const conflicts = r.conflicts.length ? `. Требуют решения Куратора: ${r.conflicts.join(', ')}` : '';
  return `${r.mode === 'replace' ? 'Восстановлено' : 'Объединено'} — ${added}${conflicts}.`;
}

type Loaded = { name: string; backup: Backup; migratedFrom?: number; older?: true };

/** Backup and restore on the options page: nothing is written until the user has seen what the file holds. */
export function BackupPanel({ onExport, databaseEmpty, onRestore, zone }: BackupPanelProps) {
  const loaded = useSignal<Loaded | null>(null);
  const refusal = useSignal<string | null>(null);
  const result = useSignal<RestoreResult | null>(null);
  const busy = useSignal(false);
  const confirmReplace = useSignal(false);

  const onText = (text: string, name: string) => {
    loaded.value = null;
    refusal.value = null;
    result.value = null;
    confirmReplace.value = false;
    const parsed = parseBackup(text);
    if (parsed.ok) loaded.value = { name, backup: parsed.backup, migratedFrom: parsed.migratedFrom, older: parsed.older };
    else refusal.value = parsed.error;
  };

  const restore = async (mode: RestoreMode) => {
    if (!loaded.value) return;
    busy.value = true;
    try {
      result.value = await onRestore(loaded.value.backup, mode);
      if (result.value.ok) loaded.value = null;
    } finally {
      busy.value = false;
      confirmReplace.value = false;
    }
  };

  const info = loaded.value ? describeBackup(loaded.value.backup) : null;
  return (
    <section class="backup" data-testid="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">Резервная копия</h2>
      <div class="backup-actions">
        <button type="button" onClick={() => onExport()}>
          Сохранить резервную копию
        </button>
        <FileButton name="backup" accept=".json,application/json" testId="backup-file" onText={onText}>
          Восстановить из файла
        </FileButton>
      </div>
      {refusal.value && (
        <p class="error" role="alert" style={{ whiteSpace: 'pre-line' }}>
          {refusal.value}
        </p>
      )}
      {loaded.value && info && (
        <div class="backup-summary" data-testid="backup-summary">
          <p>
            Файл «{loaded.value.name}», копия от {formatDateTime(Date.parse(info.exportedAt), zone)}
            {loaded.value.migratedFrom !== undefined && ` (старый формат, версия ${loaded.value.migratedFrom}: будет преобразован)`}.
          </p>
          {loaded.value.older && (
            <p data-testid="backup-older">
              Копия сделана до появления заявок на публикацию: заявок, решений о создании страниц, показателей публикаций и оформления страниц в ней нет.
              {' '}При объединении ваши остаются как есть, при замене — удаляются.
            </p>
          )}
          <ul>
            {BACKUP_TABLES.map((t) => (
              <li key={t}>
                {TABLE_LABELS[t]}: {info.counts[t]}
              </li>
            ))}
            <li>настройки: {info.settings.length ? info.settings.length : 'нет'}</li>
          </ul>
          <div class="backup-actions">
            {databaseEmpty ? (
              <button type="button" disabled={busy.value} onClick={() => restore('replace')}>
                Восстановить
              </button>
            ) : (
              <>
                <button type="button" disabled={busy.value} onClick={() => restore('merge')} title="Всё, что есть, остаётся; из файла добавляется новое">
                  Объединить
                </button>
                {confirmReplace.value ? (
                  <button type="button" class="danger" disabled={busy.value} onClick={() => restore('replace')}>
                    Да, заменить всё содержимым файла
                  </button>
                ) : (
                  <button type="button" disabled={busy.value} onClick={() => (confirmReplace.value = true)} title="Текущие данные будут удалены">
                    Заменить
                  </button>
                )}
              </>
            )}
          </div>
        </div>
      )}
      {result.value && (
        <p class={result.value.ok ? 'muted' : 'error'} role="status" data-testid="backup-result">
          {resultText(result.value)}
        </p>
      )}
    </section>
  );
}
