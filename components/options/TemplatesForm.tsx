import { useEffect, useRef } from 'preact/hooks';
import { lintDraft } from '@/lib/messages/lint';
import { PLACEHOLDERS, unknownPlaceholders } from '@/lib/replies/fill';
import type { TemplateChange, TemplateFields } from '@/lib/replies/library';
import type { ReplyTemplate } from '@/lib/replies/schema';
import { formatterFor } from '../shared/card-format';
import { FileButton } from '../shared/FileButton';
import { Done, Errors, useSaveStatus, type SaveResult } from './SaveStatus';
import { useDraft } from './useDraft';

type Editable = Omit<TemplateFields, 'id'>;
/** A stored template the curator removed stays in the draft, marked, until the save: «Вернуть» undoes it. */
type FormTemplate = Editable & { removed?: boolean };
/** Templates by a key that is never a number, so the object keeps the library's order. */
type FormValue = Record<string, FormTemplate>;

const keyOf = (id: string) => `t:${id}`;
const idOf = (key: string) => key.slice(2);
const EMPTY: Editable = { title: '', topic: '', department: '', text: '' };

/** The library as the form edits it: field by field, so an edit elsewhere is taken in where the curator has not typed. */
const toForm = (templates: readonly ReplyTemplate[]): FormValue =>
  Object.fromEntries(templates.map((t) => [keyOf(t.id), { title: t.title, topic: t.topic, department: t.department, text: t.text }]));

const changed = (t: Editable, base: ReplyTemplate) =>
  t.title !== base.title || t.topic !== base.topic || t.department !== base.department || t.text !== base.text;

export interface TemplatesFormProps {
  templates: readonly ReplyTemplate[];
  /** The administration's zone: when each template was last changed. */
  zone: string;
  onSave(change: TemplateChange): Promise<SaveResult>;
  onImport?(text: string): Promise<{ ok: true; added: number; updated: number } | { ok: false; errors: string[] }>;
  onExport?(): void;
  /** Ids of new templates; crypto.randomUUID by default. */
  newId?: () => string;
}

/**
 * «Шаблоны ответов»: the curator's library of approved wording by topic, for executors to start their
 * drafts from. Saved only when every template is valid; a refused save keeps what was typed.
 */
export function TemplatesForm({ templates, zone, onSave, onImport, onExport, newId = () => crypto.randomUUID() }: TemplatesFormProps) {
  const draft = useDraft(toForm(templates));
  const status = useSaveStatus();
  const form = useRef<HTMLFormElement>(null);
  const focusKey = useRef<string | null>(null);
  const fmt = formatterFor(zone);
  const stored = new Map(templates.map((t) => [keyOf(t.id), t]));

  useEffect(() => {
    if (!focusKey.current) return;
    const name = `title-${idOf(focusKey.current)}`;
    [...(form.current?.querySelectorAll('input') ?? [])].find((input) => input.name === name)?.focus();
    focusKey.current = null;
  });

  const edit = (next: FormValue) => {
    draft.set(next);
    status.edited();
  };
  const set = (key: string, change: Partial<FormTemplate>) => edit({ ...draft.value, [key]: { ...draft.value[key]!, ...change } });
  const add = () => {
    const key = keyOf(newId());
    focusKey.current = key;
    edit({ ...draft.value, [key]: { ...EMPTY } });
  };
  const remove = (key: string) => {
    if (stored.has(key)) return set(key, { removed: true });
    // Never saved: nothing to undo.
    const { [key]: _, ...rest } = draft.value;
    edit(rest);
  };
  const restore = (key: string) => {
    const { removed: _, ...rest } = draft.value[key]!;
    edit({ ...draft.value, [key]: rest });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const change: TemplateChange = { edits: [], removed: [] };
    for (const [key, t] of Object.entries(draft.value)) {
      const base = stored.get(key);
      if (t.removed) {
        if (base) change.removed.push(idOf(key));
        continue;
      }
      // Only what the curator changed: a template edited meanwhile in another tab is left as it is there.
      if (!base || changed(t, base)) change.edits.push({ id: idOf(key), title: t.title, topic: t.topic, department: t.department, text: t.text });
    }
    status.report(await onSave(change), 'Шаблоны сохранены');
  };

  // A removed template gone from the store too has been saved away.
  const entries = Object.entries(draft.value).filter(([key, t]) => !t.removed || stored.has(key));

  return (
    <form class="card templates" aria-label="Шаблоны ответов" ref={form} onSubmit={submit} noValidate>
      <h2>Шаблоны ответов</h2>
      <p class="muted">
        Согласованные формулировки по темам. Исполнитель выбирает шаблон в карточке сообщения, и текст подставляется в проект ответа; проверки
        стиля работают как для набранного текста. Неверный шаблон не сохраняется, действует прежний.
      </p>
      <p class="muted" data-testid="placeholders">
        Подстановки:{' '}
        {PLACEHOLDERS.map((p, i) => (
          <span key={p.key}>
            {i > 0 && '; '}
            <code>{`{${p.spellings[0]}}`}</code> — {p.hint}
          </span>
        ))}
        . Другое слово в фигурных скобках, например <code>{'{номер дома}'}</code>, останется в тексте: его заполнит исполнитель.
      </p>
      {entries.length === 0 && <p class="muted">Шаблонов пока нет.</p>}
      {entries.map(([key, t], i) => {
        const id = idOf(key);
        const base = stored.get(key);
        // Named by the stored title while the curator retypes it, so the section does not jump about.
        const name = t.title.trim() || base?.title || `Новый шаблон ${i + 1}`;
        if (t.removed)
          return (
            <p key={key} class="template-removed" data-template={id}>
              Шаблон «{name}» будет удалён при сохранении.{' '}
              <button type="button" class="link" onClick={() => restore(key)}>
                Вернуть
              </button>
            </p>
          );
        const gaps = unknownPlaceholders(t.text);
        // The wording goes into a hundred replies: the drafts' style checks apply to it first (its gaps are meant).
        const hints = t.text.trim() ? lintDraft(t.text, { kind: 'final' }).filter((w) => w.code !== 'placeholder') : [];
        return (
          <fieldset key={key} class="template" data-template={id} aria-label={`Шаблон «${name}»`}>
            <legend>{name}</legend>
            <div class="grid">
              <label>
                Название
                <input name={`title-${id}`} value={t.title} onInput={(e) => set(key, { title: e.currentTarget.value })} />
              </label>
              <label>
                Тема
                <input name={`topic-${id}`} value={t.topic} placeholder="любая тема" onInput={(e) => set(key, { topic: e.currentTarget.value })} />
              </label>
              <label>
                Подразделение
                <input
                  name={`department-${id}`}
                  value={t.department}
                  placeholder="все подразделения"
                  onInput={(e) => set(key, { department: e.currentTarget.value })}
                />
              </label>
            </div>
            <label>
              Текст
              <textarea name={`text-${id}`} rows={5} value={t.text} onInput={(e) => set(key, { text: e.currentTarget.value })} />
            </label>
            {gaps.length > 0 && <p class="muted">Заполнит исполнитель: {gaps.join(', ')}</p>}
            {hints.length > 0 && (
              <ul class="template-hints" aria-label="Замечания к тексту шаблона">
                {hints.map((w, j) => (
                  <li key={`${w.code}:${j}`} data-code={w.code}>
                    {w.message}
                  </li>
                ))}
              </ul>
            )}
            <div class="row">
              {base && (
                <span class="muted">
                  Изменён {fmt(base.updatedAt)}
                  {base.updatedBy ? `, ${base.updatedBy}` : ''}
                </span>
              )}
              <button type="button" class="link" onClick={() => remove(key)}>
                Удалить шаблон
              </button>
            </div>
          </fieldset>
        );
      })}
      <Errors status={status} />
      <div class="row">
        <button type="button" onClick={add}>
          Добавить шаблон
        </button>
        <button type="submit">Сохранить шаблоны</button>
        {onExport && (
          <button type="button" onClick={onExport} disabled={templates.length === 0}>
            Выгрузить в JSON
          </button>
        )}
        {onImport && (
          <FileButton
            name="import-templates"
            accept=".json,application/json"
            onText={async (text, fileName) => {
              const r = await onImport(text);
              if (r.ok) status.report(r, `Загружено из «${fileName}»: новых ${r.added}, обновлено ${r.updated}`);
              else status.report({ ok: false, errors: [`Шаблоны из «${fileName}» не загружены:`, ...r.errors] }, '');
            }}
          >
            Загрузить из JSON
          </FileButton>
        )}
        <Done status={status} />
      </div>
    </form>
  );
}
