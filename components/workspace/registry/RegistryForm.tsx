import { useState } from 'preact/hooks';
import { DEFAULT_TARGETS } from '@/lib/quota/target';
import { samePage } from '@/lib/registry/match';
import {
  FIELD_LABELS,
  KIND_LABELS,
  REGISTRY_SITES,
  SITE_LABELS,
  validateEntry,
  type FieldErrors,
  type RegistryEntry,
  type RegistryEntryInput,
  type RegistryField,
} from '@/lib/registry/schema';
import { NO_SECRETS_TEXT } from './RegistryTable';

type Values = Record<Exclude<RegistryField, 'id'>, string>;

function toValues(e: RegistryEntryInput): Values {
  return {
    site: e.site,
    url: e.url,
    ownerId: e.ownerId ?? '',
    name: e.name,
    kind: e.kind,
    department: e.department,
    responsible: e.responsible,
    twoFactorConfirmedAt: e.twoFactorConfirmedAt ?? '',
    adminsReviewedAt: e.adminsReviewedAt ?? '',
    weeklyTarget: e.weeklyTarget === undefined ? '' : String(e.weeklyTarget),
    notes: e.notes ?? '',
  };
}

function fromValues(id: string, v: Values): Record<string, unknown> {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    id,
    site: v.site,
    url: v.url,
    ownerId: orNull(v.ownerId),
    name: v.name,
    kind: v.kind,
    department: v.department,
    responsible: v.responsible,
    twoFactorConfirmedAt: orNull(v.twoFactorConfirmedAt),
    adminsReviewedAt: orNull(v.adminsReviewedAt),
    // A non-number goes to the schema as it is, so the message is the schema's own.
    weeklyTarget: v.weeklyTarget.trim() === '' ? undefined : /^\d+$/.test(v.weeklyTarget.trim()) ? Number(v.weeklyTarget) : v.weeklyTarget,
    notes: v.notes,
  };
}

export interface RegistryFormProps {
  /** The entry being edited, or a draft (entryFromPage) for a new one. */
  initial: RegistryEntryInput;
  mode: 'add' | 'edit';
  /** The administration's calendar date, yyyy-mm-dd: checks cannot be dated after it. */
  today: string;
  /** The rest of the registry, to refuse a second entry for the same page. */
  others?: readonly RegistryEntry[];
  onSave(entry: RegistryEntry): void;
  onCancel?(): void;
}

/**
 * Adding or editing a registry entry. Nothing is saved until every field is valid: a bad edit is
 * reported by the fields and the stored entry keeps its old values.
 */
export function RegistryForm({ initial, mode, today, others = [], onSave, onCancel }: RegistryFormProps) {
  const [values, setValues] = useState<Values>(() => toValues(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (field: keyof Values) => (ev: Event) => {
    const value = (ev.currentTarget as HTMLInputElement).value;
    setValues((v) => ({ ...v, [field]: value }));
  };

  const submit = (ev: Event) => {
    ev.preventDefault();
    const r = validateEntry(fromValues(initial.id, values));
    const found: FieldErrors = r.ok ? {} : { ...r.errors };
    for (const f of ['twoFactorConfirmedAt', 'adminsReviewedAt'] as const) {
      const d = values[f].trim();
      if (!found[f] && d !== '' && d > today) found[f] = 'дата не может быть позже сегодняшней';
    }
    if (r.ok && !found.url) {
      const twin = others.find((o) => o.id !== r.entry.id && samePage(o, r.entry));
      if (twin) found.url = `эта страница уже есть в реестре: «${twin.name}»`;
    }
    setErrors(found);
    if (r.ok && Object.keys(found).length === 0) onSave(r.entry);
  };

  const field = (name: keyof Values, control: preact.ComponentChildren, hint?: string) => (
    <div class={`field${errors[name] ? ' invalid' : ''}`} data-field={name}>
      <label for={`registry-${name}`}>{FIELD_LABELS[name]}</label>
      {control}
      {hint && <p class="hint">{hint}</p>}
      {errors[name] && (
        <p class="field-error" id={`registry-${name}-error`}>
          {errors[name]}
        </p>
      )}
    </div>
  );
  const input = (name: keyof Values, type: 'text' | 'url' | 'date' | 'number' = 'text', extra: Record<string, unknown> = {}) => {
    // The input's typings are a union per `type`; one builder serves them all.
    const props = {
      id: `registry-${name}`,
      name,
      type,
      value: values[name],
      onInput: set(name),
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': errors[name] ? `registry-${name}-error` : undefined,
      ...extra,
    } as preact.InputHTMLAttributes<HTMLInputElement>;
    return <input {...props} />;
  };
  const kind = values.kind === 'administration' || values.kind === 'department' ? values.kind : 'department';
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form class="registry-form" onSubmit={submit} noValidate aria-label={mode === 'add' ? 'Новая страница реестра' : 'Изменение страницы реестра'}>
      <h2>{mode === 'add' ? 'Добавить в реестр' : 'Изменить запись реестра'}</h2>
      {hasErrors && (
        <p class="form-error" role="alert">
          Запись не сохранена: исправьте поля, отмеченные ниже.
        </p>
      )}
      {field(
        'site',
        <select id="registry-site" name="site" value={values.site} onChange={set('site')}>
          {REGISTRY_SITES.map((s) => (
            <option key={s} value={s}>
              {SITE_LABELS[s]}
            </option>
          ))}
        </select>,
      )}
      {field('url', input('url', 'url', { placeholder: 'https://vk.com/…' }))}
      {field('ownerId', input('ownerId', 'text', { inputMode: 'numeric' }), 'ВКонтакте: для сообщества — с минусом, например -123456')}
      {field('name', input('name'))}
      {field(
        'kind',
        <select id="registry-kind" name="kind" value={values.kind} onChange={set('kind')}>
          {(['administration', 'department'] as const).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>,
      )}
      {field('department', input('department'))}
      {field('responsible', input('responsible'), 'ФИО и должность')}
      {field('twoFactorConfirmedAt', input('twoFactorConfirmedAt', 'date', { max: today }))}
      {field('adminsReviewedAt', input('adminsReviewedAt', 'date', { max: today }))}
      {field(
        'weeklyTarget',
        input('weeklyTarget', 'number', { min: 1, step: 1, placeholder: String(DEFAULT_TARGETS[kind]) }),
        `Пусто — по умолчанию ${DEFAULT_TARGETS[kind]} (п. 10 Порядка)`,
      )}
      {field(
        'notes',
        <textarea id="registry-notes" name="notes" value={values.notes} onInput={set('notes')} rows={3} />,
      )}
      <p class="muted no-secrets">{NO_SECRETS_TEXT}</p>
      <div class="buttons">
        <button type="submit">Сохранить</button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Отмена
          </button>
        )}
      </div>
    </form>
  );
}
