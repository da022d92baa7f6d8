import { useSignal, type ReadonlySignal } from '@preact/signals';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField, type ImportFormat, type InspectResult, type Mapping } from '@/lib/messages/import';
import { formatCount } from '@/lib/messages/queue';
import { describeReading } from '@/lib/text-file';
import { FileButton } from '../../shared/FileButton';

/** Messages added so far, records in the file, duplicates skipped so far. */
export type ImportProgress = (written: number, total: number, duplicates: number) => void;

export type CommitResult =
  | { ok: true; added: number; duplicates: number }
  /** The file was refused before anything was written: reasons row by row. */
  | { ok: false; errors: string[] }
  /** Written in parts and a part failed: what was `added` before it stays, the rest of `total` was not written. */
  | { ok: false; errors: string[]; added: number; duplicates: number; total: number };

export interface ImportDialogProps {
  /** A large file is read in slices: the answer may come later. */
  inspect(text: string, format: ImportFormat): InspectResult | Promise<InspectResult>;
  /** Refuses the whole file on any bad row; a good file is stored in parts, reporting each. */
  commit(text: string, format: ImportFormat, mapping: Mapping, onProgress?: ImportProgress): Promise<CommitResult>;
  /** While `commit` checks the rows (a large file takes seconds): how many so far. */
  checking?: ReadonlySignal<{ checked: number; total: number } | null>;
}

const REQUIRED: readonly ImportField[] = ['text'];

/** «Записано 8 000 из 20 000, уже были: 12». */
function progressText(p: { written: number; total: number; duplicates: number }): string {
  return `Записано ${formatCount(p.written)} из ${formatCount(p.total)}${p.duplicates ? `, уже были: ${formatCount(p.duplicates)}` : ''}`;
}

const AGAIN = 'Загрузите тот же файл ещё раз: добавятся только недостающие сообщения, уже записанные не повторятся.';

/**
 * Import from the monitoring system or a spreadsheet: the user picks the file and confirms which
 * column is which. A file with a bad row is refused whole, with reasons row by row; a good one is
 * written in parts while the dialog counts them, and if a part fails it says what was written.
 */
export function ImportDialog({ inspect, commit, checking }: ImportDialogProps) {
  /** `reading`: «Кодировка: Windows-1251, разделитель: точка с запятой», shown until the import is done. */
  const file = useSignal<{ name: string; text: string; format: ImportFormat; reading: string } | null>(null);
  const table = useSignal<Extract<InspectResult, { ok: true }> | null>(null);
  const mapping = useSignal<Mapping>({});
  const errors = useSignal<string[]>([]);
  const status = useSignal('');
  const busy = useSignal(false);
  /** While a chosen file is read. */
  const readingFile = useSignal(false);
  /** While writing; null before the first part is reported (the rows are still being checked). */
  const progress = useSignal<{ written: number; total: number; duplicates: number } | null>(null);

  return (
    <div class="import card" data-testid="messages-import">
      <FileButton
        name="messages-import"
        disabled={busy.value}
        accept=".csv,.json,.tsv,text/csv,application/json"
        onText={async (text, fileName, encoding) => {
          const format: ImportFormat = /\.json$/i.test(fileName) ? 'json' : 'csv';
          readingFile.value = true;
          let inspected: InspectResult;
          try {
            inspected = await inspect(text, format);
          } finally {
            readingFile.value = false;
          }
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
      {readingFile.value && (
        <p class="import-progress" role="status">
          Чтение файла…
        </p>
      )}
      {file.value && table.value && (
        <form
          class="mapping"
          aria-label="Сопоставление столбцов"
          onSubmit={async (e) => {
            e.preventDefault();
            if (busy.value) return;
            const { name, text, format, reading } = file.value!;
            busy.value = true;
            progress.value = null;
            errors.value = [];
            let result: CommitResult;
            try {
              // One task away, so «Проверка строк…» is painted before the rows are checked.
              await new Promise((resolve) => setTimeout(resolve, 0));
              result = await commit(text, format, mapping.value, (written, total, duplicates) => {
                progress.value = { written, total, duplicates };
              });
            } catch (err) {
              errors.value = [`Импорт файла «${name}» прерван: ${err instanceof Error ? err.message : String(err)}.`, `Часть сообщений могла быть записана. ${AGAIN}`];
              return;
            } finally {
              busy.value = false;
              progress.value = null;
            }
            if (!result.ok) {
              if ('added' in result) {
                const rest = Math.max(0, result.total - result.added - result.duplicates);
                errors.value = [
                  `Файл «${name}» загружен не полностью: ${progressText({ written: result.added, total: result.total, duplicates: result.duplicates })}; остальные ${formatCount(rest)} не записаны.`,
                  ...result.errors.map((e) => `Причина: ${e}`),
                  AGAIN,
                ];
              } else errors.value = [`Файл «${name}» не загружен, ничего не изменено:`, ...result.errors];
              return;
            }
            status.value = `Загружено сообщений: ${formatCount(result.added)}${result.duplicates ? `, уже были: ${formatCount(result.duplicates)}` : ''}${reading ? `. ${reading}` : ''}`;
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
            {/* Parts already written stay: there is nothing to cancel midway. */}
            <button type="button" disabled={busy.value} onClick={() => ((file.value = null), (table.value = null))}>
              Отмена
            </button>
          </div>
          {busy.value && (
            <p class="import-progress" role="status" data-testid="import-progress">
              {progress.value
                ? progressText(progress.value)
                : checking?.value
                  ? `Проверка строк: ${formatCount(checking.value.checked)} из ${formatCount(checking.value.total)}…`
                  : 'Проверка строк…'}
            </p>
          )}
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
