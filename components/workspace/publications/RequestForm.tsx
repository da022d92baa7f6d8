import { useSignal } from '@preact/signals';
import { FORMATS, FORMAT_TITLES, parsePublicationEvent, type Attachment, type PubActor, type PublicationFormat, type PubEventOf } from '@/lib/publications/schema';
import { checkPostStyle } from '@/lib/publications/style';
import { bytes } from './format';
import { StyleHints } from './StyleHints';

export interface PageChoice {
  id: string;
  name: string;
  kind: 'administration' | 'department';
}

export interface RequestFormProps {
  me: PubActor;
  pages: readonly PageChoice[];
  now: () => number;
  onSubmit(event: PubEventOf<'submitted'>): Promise<{ ok: true } | { ok: false; error: string }>;
}

/**
 * A department's request to the department of information policy (App. 2 §9): the text with the
 * style check as it is typed, the format (§11), files named (they stay where they are), a wished
 * date and the pages.
 */
export function RequestForm({ me, pages, now, onSubmit }: RequestFormProps) {
  const text = useSignal('');
  const format = useSignal<PublicationFormat>('text');
  const attachments = useSignal<Attachment[]>([]);
  const wished = useSignal('');
  const chosen = useSignal<string[]>(pages.filter((p) => p.kind === 'administration').slice(0, 1).map((p) => p.id));
  const error = useSignal<string | null>(null);
  const done = useSignal(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    done.value = false;
    const event = {
      type: 'submitted' as const,
      actor: me,
      at: now(),
      payload: { text: text.value, format: format.value, attachments: attachments.value, wishedDate: wished.value || null, pages: chosen.value },
    };
    const parsed = parsePublicationEvent(event);
    if (!parsed.ok) return void (error.value = parsed.error);
    const r = await onSubmit(parsed.value as PubEventOf<'submitted'>);
    if (!r.ok) return void (error.value = r.error);
    error.value = null;
    text.value = '';
    attachments.value = [];
    wished.value = '';
    done.value = true;
  };

  return (
    <form class="pub-form" data-testid="pub-form" onSubmit={submit} aria-label="Новая публикация">
      <h3>Новая публикация для департамента информационной политики</h3>
      <label class="field">
        Текст
        <textarea name="text" rows={6} value={text} onInput={(e) => (text.value = e.currentTarget.value)} />
      </label>
      <StyleHints hints={checkPostStyle(text.value)} />
      <label class="field">
        Формат{' '}
        <select name="format" value={format} onChange={(e) => (format.value = e.currentTarget.value as PublicationFormat)}>
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_TITLES[f]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        Файлы (Отклик запомнит только названия и размеры, сами файлы остаются у вас)
        <input
          type="file"
          name="files"
          multiple
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])].map((f) => ({ name: f.name, size: f.size }));
            attachments.value = [...attachments.value, ...files];
            e.currentTarget.value = '';
          }}
        />
      </label>
      {attachments.value.length > 0 && (
        <ul class="pub-files">
          {attachments.value.map((a, i) => (
            <li key={`${a.name}-${i}`}>
              {a.name} · {bytes(a.size)}{' '}
              <button type="button" class="link" aria-label={`Убрать файл ${a.name}`} onClick={() => (attachments.value = attachments.value.filter((_, k) => k !== i))}>
                убрать
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="field">
        Желаемая дата{' '}
        <input type="date" name="wished" value={wished} onInput={(e) => (wished.value = e.currentTarget.value)} />
      </label>
      <fieldset class="pub-pages">
        <legend>Страницы</legend>
        {pages.length === 0 && <p class="muted">В реестре пока нет страниц: добавьте их на вкладке «Реестр».</p>}
        {pages.map((p) => (
          <label key={p.id}>
            <input
              type="checkbox"
              checked={chosen.value.includes(p.id)}
              onChange={(e) => (chosen.value = e.currentTarget.checked ? [...chosen.value, p.id] : chosen.value.filter((x) => x !== p.id))}
            />{' '}
            {p.name}
          </label>
        ))}
      </fieldset>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {done.value && (
        <p class="pub-done" role="status">
          Отправлено в департамент информационной политики.
        </p>
      )}
      <button type="submit">Направить</button>
    </form>
  );
}
