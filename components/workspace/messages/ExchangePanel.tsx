import { useSignal } from '@preact/signals';
import type { ImportResult } from '@/lib/exchange/types';
import { DepartmentExport } from '../DepartmentExport';
import { FileButton } from '../../shared/FileButton';

export interface ExchangePanelProps {
  role: 'curator' | 'executor';
  /** The curator's choice of units (from the routed messages or the registry). */
  departments: readonly string[];
  /** Curator: the file for one unit (exportForDepartment → exchangeToText → downloadText). */
  onExportDepartment(department: string): void | Promise<void>;
  /** Executor: the unit's work back to the curator (exportDrafts). */
  onExportDrafts(): void | Promise<void>;
  /** importExchange with the user's origin, clock and now. */
  onImport(text: string): Promise<ImportResult>;
  /** How to name a message in the conflicts list (e.g. the author and the snippet). */
  labelOf?(id: string): string;
  onOpen?(id: string): void;
}

/** Passing messages between the curator and executors on different computers, by files. */
export function ExchangePanel({ role, departments, onExportDepartment, onExportDrafts, onImport, labelOf, onOpen }: ExchangePanelProps) {
  const result = useSignal<ImportResult | null>(null);
  const busy = useSignal(false);

  const onText = async (text: string) => {
    result.value = null;
    busy.value = true;
    try {
      result.value = await onImport(text);
    } finally {
      busy.value = false;
    }
  };

  const r = result.value;
  return (
    <section class="exchange" data-testid="exchange" aria-labelledby="exchange-title">
      <h2 id="exchange-title">Обмен с {role === 'curator' ? 'исполнителями' : 'Куратором'}</h2>
      <div class="backup-actions">
        {role === 'curator' ? (
          <DepartmentExport departments={departments} onExport={onExportDepartment} />
        ) : (
          <button type="button" onClick={() => onExportDrafts()}>
            Выгрузить для Куратора
          </button>
        )}
        <FileButton name="exchange" accept=".json,application/json" disabled={busy.value} testId="exchange-file" onText={onText}>
          Загрузить файл обмена
        </FileButton>
      </div>
      {r && !r.ok && (
        <ul class="error" role="alert" data-testid="exchange-errors">
          {r.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {r && r.ok && (
        <div class="exchange-result" role="status" data-testid="exchange-result">
          <p>
            Новых: {r.added}, обновлено: {r.updated}, без изменений: {r.unchanged}, конфликтов: {r.conflicts.length}.
          </p>
          {r.conflicts.length > 0 && (
            <>
              <p>Сообщения изменены на обоих компьютерах — события обеих сторон сохранены, нужно решение Куратора:</p>
              <ul data-testid="exchange-conflicts">
                {r.conflicts.map((c) => (
                  <li key={c.id}>
                    {onOpen ? (
                      <button type="button" class="link" onClick={() => onOpen(c.id)}>
                        {labelOf?.(c.id) ?? c.id}
                      </button>
                    ) : (
                      (labelOf?.(c.id) ?? c.id)
                    )}
                    : здесь {c.ours.length}, в файле {c.theirs.length}{' '}
                    {c.merged ? '— истории объединены' : '— истории несовместимы, события из файла ждут решения'}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
