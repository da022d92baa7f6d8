import { useSignal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { RegistryEntry, RegistryEntryInput } from '@/lib/registry/entry';
import {
  describeRegistryImport,
  removalQuestion,
  type RegistryImportMode,
  type RegistryImportOutcome,
  type RegistryImportPlan,
  type RegistryImportRequest,
} from '@/lib/registry/plan';
import { plural } from '@/lib/i18n/plural';
import { describeReading, type TextEncodingName } from '@/lib/text-file';
import { RegistryForm } from './RegistryForm';
import { RegistryTable, type RegistryTableProps } from './RegistryTable';
import { FileButton } from '../../shared/FileButton';

export type RegistryFormat = 'csv' | 'html' | 'json';

interface PendingReplace {
  text: string;
  format: 'csv' | 'json';
  fileName: string;
  encoding: TextEncodingName;
  /** «Кодировка: Windows-1251, разделитель: точка с запятой». */
  reading: string;
  plan: RegistryImportPlan;
  /** The registry changed between the question and the answer: the list is asked about again. */
  again: boolean;
}

export interface RegistrySectionProps {
  entries: ReadonlySignal<RegistryEntry[] | null>;
  today: string;
  /** A draft started on a page («Добавить в реестр»), or null. */
  draft: Signal<RegistryEntryInput | null>;
  newEntry(): RegistryEntryInput;
  onSave(entry: RegistryEntry): Promise<{ ok: true } | { ok: false; errors: string[] }>;
  onRemove(entry: RegistryEntry): void;
  onImport(text: string, format: 'csv' | 'json', request: RegistryImportRequest): Promise<RegistryImportOutcome>;
  onExport(format: RegistryFormat): void;
  /** App. 2 §4, §12 for each entry (RegistryTable). */
  pageChecks?: RegistryTableProps['pageChecks'];
}

/** The registry tab: the table, the form for a new or edited page, import and exports (App. 2 §2, §6, §7). */
export function RegistrySection({ entries, today, draft, newEntry, onSave, onRemove, onImport, onExport, pageChecks }: RegistrySectionProps) {
  const editing = useSignal<{ entry: RegistryEntryInput; mode: 'add' | 'edit' } | null>(null);
  const errors = useSignal<string[]>([]);
  const status = useSignal<string[]>([]);
  const importMode = useSignal<RegistryImportMode>('merge');
  const pending = useSignal<PendingReplace | null>(null);
  const list = entries.value;
  if (list === null) return <p class="muted">Загрузка…</p>;

  const form = draft.value ? { entry: draft.value, mode: 'add' as const } : editing.value;
  const close = () => {
    draft.value = null;
    editing.value = null;
  };

  type ChosenFile = Pick<PendingReplace, 'text' | 'format' | 'fileName' | 'encoding'>;
  const runImport = async (file: ChosenFile, request: RegistryImportRequest) => {
    let result: RegistryImportOutcome;
    try {
      result = await onImport(file.text, file.format, request);
    } catch (e) {
      // The write is one transaction: when it fails, nothing of the file is in the registry.
      result = { ok: false, errors: [`не удалось записать реестр: ${(e as Error).message}`] };
    }
    if (result.ok === false) {
      pending.value = null;
      status.value = [];
      errors.value = [`Файл «${file.fileName}» не загружен, реестр не изменён (${describeReading(file.encoding, null, { sentence: false })}):`, ...result.errors];
      return;
    }
    const reading = describeReading(file.encoding, result.separator);
    errors.value = [];
    if (result.ok === 'confirm') {
      status.value = [];
      pending.value = { ...file, reading, plan: result.plan, again: request.confirmedRemovals !== undefined };
      return;
    }
    pending.value = null;
    status.value = [
      `Файл «${file.fileName}» загружен: ${result.plan.mode === 'replace' ? 'реестр заменён' : 'объединён с реестром'}.`,
      reading,
      ...describeRegistryImport(result.plan),
    ];
  };

  return (
    <div data-testid="registry">
      {form ? (
        <RegistryForm
          key={form.entry.id}
          initial={form.entry}
          mode={form.mode}
          today={today}
          others={list.filter((e) => e.id !== form.entry.id)}
          onSave={async (entry) => {
            const result = await onSave(entry);
            errors.value = result.ok ? [] : result.errors;
            if (result.ok) {
              status.value = [form.mode === 'add' ? `«${entry.name}» добавлена в реестр` : 'Изменения сохранены'];
              close();
            }
          }}
          onCancel={close}
        />
      ) : (
        <div class="row">
          <button type="button" onClick={() => (editing.value = { entry: newEntry(), mode: 'add' })}>
            Добавить страницу
          </button>
          <FileButton
            name="registry-import"
            accept=".csv,.json,text/csv,application/json"
            disabled={pending.value !== null}
            onText={(text, fileName, encoding) =>
              runImport(
                { text, fileName, encoding, format: /\.json$/i.test(fileName) ? 'json' : 'csv' },
                { mode: importMode.value },
              )
            }
          >
            Импорт CSV/JSON
          </FileButton>
          <button type="button" disabled={!list.length} onClick={() => onExport('csv')}>
            CSV
          </button>
          <button type="button" disabled={!list.length} onClick={() => onExport('html')}>
            HTML для сайта
          </button>
          <button type="button" disabled={!list.length} onClick={() => onExport('json')}>
            JSON
          </button>
        </div>
      )}
      {!form && (
        <fieldset class="import-mode" disabled={pending.value !== null}>
          <legend>Что делать с файлом</legend>
          <label>
            <input type="radio" name="registry-import-mode" value="merge" checked={importMode.value === 'merge'} onChange={() => (importMode.value = 'merge')} />{' '}
            Объединить: новые страницы добавить, найденные по адресу обновить, остальные оставить
          </label>
          <label>
            <input type="radio" name="registry-import-mode" value="replace" checked={importMode.value === 'replace'} onChange={() => (importMode.value = 'replace')} />{' '}
            Заменить: страницы, которых нет в файле, удалить (сначала покажем какие)
          </label>
        </fieldset>
      )}
      {pending.value && (
        <ReplaceConfirm
          pending={pending.value}
          onConfirm={(p) => runImport(p, { mode: 'replace', confirmedRemovals: p.plan.removed.map((e) => e.id) })}
          onCancel={() => (pending.value = null)}
        />
      )}
      {errors.value.length > 0 && (
        <ul class="errors" role="alert">
          {errors.value.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {status.value.length > 0 && (
        <ul class="ok" role="status" data-testid="registry-import-result">
          {status.value.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <RegistryTable
        entries={list}
        today={today}
        onEdit={(entry) => {
          draft.value = null;
          editing.value = { entry, mode: 'edit' };
        }}
        onRemove={onRemove}
        pageChecks={pageChecks}
      />
    </div>
  );
}

/** The step before a replace removes pages: their names, what else the file does, and a choice. */
function ReplaceConfirm({ pending, onConfirm, onCancel }: { pending: PendingReplace; onConfirm(p: PendingReplace): void; onCancel(): void }) {
  const { plan } = pending;
  const removed = plan.removed;
  return (
    <div class="confirm card" role="group" aria-label="Подтверждение замены реестра" data-testid="registry-replace-confirm">
      {pending.again && <p class="errors">Реестр изменился, пока вы решали: проверьте список ещё раз.</p>}
      <p>
        Заменить реестр файлом «{pending.fileName}»? {removalQuestion(removed.length)}
      </p>
      <ul data-testid="registry-replace-removed">
        {removed.map((e) => (
          <li key={e.id}>
            «{e.name}» — {e.url}
          </li>
        ))}
      </ul>
      {pending.reading && <p class="muted">{pending.reading}</p>}
      <ul class="muted">
        {describeRegistryImport(plan)
          .filter((l) => !l.startsWith('Удалено'))
          .map((l, i) => (
            <li key={i}>{l}</li>
          ))}
      </ul>
      <div class="row">
        <button type="button" class="danger" onClick={() => onConfirm(pending)}>
          Да, заменить и удалить {plural(removed.length, ['страницу', 'страницы', 'страниц'])}
        </button>
        <button type="button" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </div>
  );
}
