import { useSignal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { RegistryEntry, RegistryEntryInput } from '@/lib/registry/entry';
import { RegistryForm } from './RegistryForm';
import { RegistryTable } from './RegistryTable';
import { FileButton } from '../FileButton';

export type RegistryFormat = 'csv' | 'html' | 'json';

export interface RegistrySectionProps {
  entries: ReadonlySignal<RegistryEntry[] | null>;
  today: string;
  /** A draft started on a page («Добавить в реестр»), or null. */
  draft: Signal<RegistryEntryInput | null>;
  newEntry(): RegistryEntryInput;
  onSave(entry: RegistryEntry): Promise<{ ok: true } | { ok: false; errors: string[] }>;
  onRemove(entry: RegistryEntry): void;
  onImport(text: string, format: 'csv' | 'json'): Promise<{ ok: true; count: number } | { ok: false; errors: string[] }>;
  onExport(format: RegistryFormat): void;
}

/** The registry tab: the table, the form for a new or edited page, import and exports (App. 2 §2, §6, §7). */
export function RegistrySection({ entries, today, draft, newEntry, onSave, onRemove, onImport, onExport }: RegistrySectionProps) {
  const editing = useSignal<{ entry: RegistryEntryInput; mode: 'add' | 'edit' } | null>(null);
  const errors = useSignal<string[]>([]);
  const status = useSignal('');
  const list = entries.value;
  if (list === null) return <p class="muted">Загрузка…</p>;

  const form = draft.value ? { entry: draft.value, mode: 'add' as const } : editing.value;
  const close = () => {
    draft.value = null;
    editing.value = null;
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
              status.value = form.mode === 'add' ? `«${entry.name}» добавлена в реестр` : 'Изменения сохранены';
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
            onText={async (text, fileName) => {
              const result = await onImport(text, /\.json$/i.test(fileName) ? 'json' : 'csv');
                errors.value = result.ok ? [] : [`Файл «${fileName}» не загружен, реестр не изменён:`, ...result.errors];
              status.value = result.ok ? `Загружено страниц: ${result.count}` : '';
            }}
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
      {errors.value.length > 0 && (
        <ul class="errors" role="alert">
          {errors.value.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {status.value && <p class="ok">{status}</p>}
      <RegistryTable
        entries={list}
        today={today}
        onEdit={(entry) => {
          draft.value = null;
          editing.value = { entry, mode: 'edit' };
        }}
        onRemove={onRemove}
      />
    </div>
  );
}
