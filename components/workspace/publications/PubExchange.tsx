import { useSignal } from '@preact/signals';
import type { ImportResult } from '@/lib/exchange/types';
import { DepartmentExport } from '../DepartmentExport';
import { FileButton } from '../../shared/FileButton';

export interface PubExchangeProps {
  /** The department of information policy picks whose requests go in the file; a department sends its own. */
  departments: readonly string[] | null;
  onExport(department: string | null): void | Promise<void>;
  onImport(text: string): Promise<ImportResult>;
}

/** Publications by exchange file, for departments without the team server (the same file format as messages). */
export function PubExchange({ departments, onExport, onImport }: PubExchangeProps) {
  const result = useSignal<string | null>(null);
  const failed = useSignal(false);
  return (
    <details class="pub-exchange" data-testid="pub-exchange">
      <summary>Обмен файлами без сервера</summary>
      <div class="backup-actions">
        {departments ? (
          <DepartmentExport departments={departments} onExport={onExport} />
        ) : (
          <button type="button" onClick={() => onExport(null)}>
            Выгрузить мои публикации
          </button>
        )}
        <FileButton
          name="pub-exchange"
          accept=".json,application/json"
          onText={async (text) => {
            const r = await onImport(text);
            failed.value = !r.ok;
            result.value = r.ok
              ? `Публикации: новых ${r.publications?.added ?? 0}, обновлено ${r.publications?.updated ?? 0}, без изменений ${r.publications?.unchanged ?? 0}.`
              : r.errors.join(' ');
          }}
        >
          Загрузить файл обмена
        </FileButton>
      </div>
      {result.value && (
        <p class={failed.value ? 'error' : 'muted'} role={failed.value ? 'alert' : 'status'}>
          {result.value}
        </p>
      )}
    </details>
  );
}
