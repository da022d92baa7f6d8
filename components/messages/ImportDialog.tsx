import { useSignal } from '@preact/signals';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField, type ImportFormat, type InspectResult, type Mapping } from '@/lib/messages/import';
import { describeReading } from '@/lib/text-file';
import { FileButton } from '../FileButton';

export interface ImportDialogProps {
  inspect(text: string, format: ImportFormat): InspectResult;
  /** Builds and stores in one transaction; refuses the whole file on any bad row. */
  commit(text: string, format: ImportFormat, mapping: Mapping): Promise<{ ok: true; added: number; duplicates: number } | { ok: false; errors: string[] }>;
}

const REQUIRED: readonly ImportField[] = ['text'];

/**
 * Import from the monitoring system or a spreadsheet: the user picks the file, confirms which column
 * is which, and the file goes in whole or not at all, with reasons row by row.
 */
export function ImportDialog({ inspect, commit }: ImportDialogProps) {
  /** `reading`: «Кодировка: Windows-1251, разделитель: точка с запятой», shown until the import is done. */
  const file = useSignal<{ name: string; text: string; format: ImportFormat; reading: string } | null>(null);
  const table = useSignal<Extract<InspectResult, { ok: true }> | null>(null);
  const mapping = useSignal<Mapping>({});
  const errors = useSignal<string[]>([]);
  const status = useSignal('');
  const busy = useSignal(false);

  return (
    <div class="import card" data-testid="messages-import">
      <FileButton
        name="messages-import"
        accept=".csv,.json,.tsv,text/csv,application/json"
        onText={(text, fileName, encoding) => {
          const format: ImportFormat = /\.json$/i.test(fileName) ? 'json' : 'csv';
          const inspected = inspect(text, format);
          status.value = '';
          if (!inspected.ok) {
            errors.value = [`Файл «${fileName}» не прочитан (${describeReading(encoding, null, { sentence: false })}):`, ...inspected.errors];
            file.value = null;
            table.value = null;
            return;
          }
          errors.value = [];
          file.value = { name: fileName, text, format, reading: describeReading(encoding, inspected.separator) };
          table.value = inspected;
          mapping.value = inspected.suggested;
        }}
      >
        Импорт сообщений (CSV или JSON)
      </FileButton>
      {file.value && table.value && (
        <form
          class="mapping"
          aria-label="Сопоставление столбцов"
          onSubmit={async (e) => {
            e.preventDefault();
            busy.value = true;
            const result = await commit(file.value!.text, file.value!.format, mapping.value);
            busy.value = false;
            if (!result.ok) {
              errors.value = [`Файл «${file.value!.name}» не загружен, ничего не изменено:`, ...result.errors];
              return;
            }
            errors.value = [];
            const reading = file.value!.reading;
            status.value = `Загружено сообщений: ${result.added}${result.duplicates ? `, уже были: ${result.duplicates}` : ''}${reading ? `. ${reading}` : ''}`;
            file.value = null;
            table.value = null;
          }}
        >
          <p>
            «{file.value.name}»: строк {table.value.rowCount}. Проверьте, какой столбец чем является:
          </p>
          {file.value.reading && <p class="muted" data-testid="import-reading">{file.value.reading}</p>}
          <div class="grid">
            {IMPORT_FIELDS.map((field) => (
              <label key={field}>
                {IMPORT_FIELD_LABELS[field]}
                {REQUIRED.includes(field) ? ' *' : ''}
                <select
                  name={`map-${field}`}
                  value={mapping.value[field] ?? ''}
                  onChange={(e) => {
                    const next = { ...mapping.value };
                    if (e.currentTarget.value) next[field] = e.currentTarget.value;
                    else delete next[field];
                    mapping.value = next;
                  }}
                >
                  <option value="">— нет —</option>
                  {table.value!.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <div class="row">
            <button type="submit" disabled={busy.value}>
              Импортировать
            </button>
            <button type="button" onClick={() => ((file.value = null), (table.value = null))}>
              Отмена
            </button>
          </div>
        </form>
      )}
      {errors.value.length > 0 && (
        <ul class="errors" role="alert">
          {errors.value.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      {status.value && <p class="ok">{status}</p>}
    </div>
  );
}
