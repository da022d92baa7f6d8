import { useSignal } from '@preact/signals';
import { decodeTextFile } from '@/lib/text-file';
import type { ImportResult } from '@/lib/exchange/types';

export interface PubExchangeProps {
  /** The department of information policy picks whose requests go in the file; a department sends its own. */
  departments: readonly string[] | null;
  onExport(department: string | null): void | Promise<void>;
  onImport(text: string): Promise<ImportResult>;
}

/** Publications by exchange file, for departments without the team server (the same file format as messages). */
export function PubExchange({ departments, onExport, onImport }: PubExchangeProps) {
  const department = useSignal(departments?.[0] ?? '');
  const result = useSignal<string | null>(null);
  const failed = useSignal(false);
  return (
    <details class="pub-exchange" data-testid="pub-exchange">
      <summary>Обмен файлами без сервера</summary>
      <div class="backup-actions">
        {departments ? (
          <>
            <label>
              Подразделение{' '}
              <select value={department} onChange={(e) => (department.value = e.currentTarget.value)}>
                {departments.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={!department.value} onClick={() => onExport(department.value)}>
              Выгрузить для подразделения
            </button>
          </>
        ) : (
          <button type="button" onClick={() => onExport(null)}>
            Выгрузить мои публикации
          </button>
        )}
        <label class="button">
          Загрузить файл обмена
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              const r = await onImport(decodeTextFile(new Uint8Array(await file.arrayBuffer())).text);
              input.value = '';
              failed.value = !r.ok;
              result.value = r.ok
                ? `Публикации: новых ${r.publications?.added ?? 0}, обновлено ${r.publications?.updated ?? 0}, без изменений ${r.publications?.unchanged ?? 0}.`
                : r.errors.join(' ');
            }}
          />
        </label>
      </div>
      {result.value && (
        <p class={failed.value ? 'error' : 'muted'} role={failed.value ? 'alert' : 'status'}>
          {result.value}
        </p>
      )}
    </details>
  );
}
