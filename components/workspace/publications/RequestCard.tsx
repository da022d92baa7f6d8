import { useSignal } from '@preact/signals';
import { allowedActions, PUB_STATUS_TITLES, type PublicationState } from '@/lib/publications/reducer';
import { FORMAT_TITLES, type PubActor, type PublicationEvent, type PublicationRecord } from '@/lib/publications/schema';
import { checkPostStyle } from '@/lib/publications/style';
import { safeSiteLink } from '@/lib/sites/address';
import { SiteLink } from '../SiteLink';
import { actorName, bytes, dateTime, dayText, fromLocalInput, toLocalInput } from './format';
import { StyleHints } from './StyleHints';

export type Act = (event: PublicationEvent) => Promise<{ ok: true } | { ok: false; error: string }>;

export interface RequestCardProps {
  record: PublicationRecord;
  state: PublicationState;
  me: PubActor;
  zone: string;
  pageName(id: string): string;
  now: () => number;
  onAct: Act;
  onClose(): void;
}

const TITLES: Record<PublicationEvent['type'], string> = {
  submitted: 'Направлена',
  edited: 'Отредактирована департаментом информационной политики',
  returned: 'Возвращена на доработку',
  resubmitted: 'Направлена после доработки',
  approved: 'Согласована',
  published: 'Опубликована',
  withdrawn: 'Отозвана',
};

/** One request: its text in force, its history, and what this user may do with it now. */
export function RequestCard({ record, state, me, zone, pageName, now, onAct, onClose }: RequestCardProps) {
  const fmt = dateTime(zone);
  const allowed = new Set(allowedActions(state, me));
  const error = useSignal<string | null>(null);
  const editText = useSignal(state.text);
  const remarks = useSignal('');
  const planned = useSignal(toLocalInput(state.plannedAt ?? (state.wishedDate ? (fromLocalInput(`${state.wishedDate}T10:00`, zone) ?? now()) : now()), zone));
  const reason = useSignal('');
  const url = useSignal('');

  const act = async (type: PublicationEvent['type'], payload: unknown) => {
    const r = await onAct({ type, actor: me, at: now(), payload } as PublicationEvent);
    error.value = r.ok ? null : r.error;
  };
  const link = safeSiteLink(state.published?.url);

  return (
    <article class="pub-card" data-testid="pub-card" data-status={state.status} aria-label="Публикация">
      <header class="pub-card-head">
        <h3>
          Публикация: <span class="pub-status">{PUB_STATUS_TITLES[state.status]}</span>
        </h3>
        <button type="button" class="card-close" aria-label="Закрыть публикацию" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="muted">
        {actorName(state.author)} · {fmt(state.submittedAt)} · {FORMAT_TITLES[state.format]}
        {state.wishedDate && ` · желаемая дата: ${dayText(state.wishedDate)}`}
      </p>
      <p class="muted">Страницы: {state.pages.map(pageName).join(', ')}</p>
      {state.plannedAt !== null && state.status === 'approved' && <p class="pub-planned">Публикация запланирована на {fmt(state.plannedAt)}</p>}
      {state.published && (
        <p class="pub-published" data-testid="pub-published">
          Опубликована {fmt(state.published.at)}
          {link && (
            <>
              {' '}
              —{' '}
              <SiteLink href={link}>открыть запись</SiteLink>
            </>
          )}
        </p>
      )}
      <blockquote class="pub-text" data-testid="pub-text">
        {state.text}
      </blockquote>
      {state.attachments.length > 0 && (
        <ul class="pub-files" aria-label="Файлы">
          {state.attachments.map((a, i) => (
            <li key={`${a.name}-${i}`}>
              {a.name} · {bytes(a.size)}
            </li>
          ))}
        </ul>
      )}
      {state.status !== 'published' && state.status !== 'withdrawn' && <StyleHints hints={checkPostStyle(state.text)} />}
      {state.status === 'returned' && state.remarks.length > 0 && (
        <section class="pub-remarks" aria-label="Замечания">
          <strong>Замечания департамента информационной политики:</strong>
          <ol data-testid="pub-remarks">
            {state.remarks.at(-1)!.items.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ol>
        </section>
      )}

      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}

      <div class="pub-actions">
        {(allowed.has('edited') || allowed.has('resubmitted')) && (
          <div class="pub-action">
            <label class="field">
              {allowed.has('resubmitted') ? 'Доработанный текст' : 'Текст после правки'}
              <textarea name="edit" rows={5} value={editText} onInput={(e) => (editText.value = e.currentTarget.value)} />
            </label>
            <StyleHints hints={editText.value !== state.text ? checkPostStyle(editText.value) : []} />
            {allowed.has('edited') && (
              <button type="button" onClick={() => act('edited', { text: editText.value })}>
                Сохранить правку
              </button>
            )}
            {allowed.has('resubmitted') && (
              <button type="button" onClick={() => act('resubmitted', { text: editText.value })}>
                Направить после доработки
              </button>
            )}
          </div>
        )}
        {allowed.has('returned') && (
          <div class="pub-action">
            <label class="field">
              Замечания — каждое с новой строки
              <textarea name="remarks" rows={3} value={remarks} onInput={(e) => (remarks.value = e.currentTarget.value)} />
            </label>
            <button
              type="button"
              onClick={() =>
                act('returned', {
                  remarks: remarks.value
                    .split('\n')
                    .map((r) => r.replace(/^\s*\d+[.)]\s*/, '').trim())
                    .filter(Boolean),
                })
              }
            >
              Вернуть на доработку
            </button>
          </div>
        )}
        {allowed.has('approved') && (
          <div class="pub-action">
            <label class="field">
              Дата и время публикации{' '}
              <input type="datetime-local" name="planned" value={planned} onInput={(e) => (planned.value = e.currentTarget.value)} />
            </label>
            <button
              type="button"
              onClick={() => {
                const at = fromLocalInput(planned.value, zone);
                if (at === undefined) return void (error.value = 'Укажите дату и время публикации');
                return act('approved', { plannedAt: at });
              }}
            >
              {state.status === 'approved' ? 'Перенести' : 'Согласовать'}
            </button>
          </div>
        )}
        {allowed.has('published') && (
          <details class="pub-action">
            <summary>Уже опубликована? Отметить вручную</summary>
            <label class="field">
              Ссылка на запись{' '}
              <input type="url" name="url" value={url} onInput={(e) => (url.value = e.currentTarget.value)} placeholder="https://vk.com/wall-…" />
            </label>
            <button
              type="button"
              onClick={() => {
                const u = safeSiteLink(url.value);
                if (!u) return void (error.value = 'Нужна ссылка на запись во ВКонтакте или Одноклассниках (https://…)');
                return act('published', { url: u, postedAt: now() });
              }}
            >
              Отметить опубликованной
            </button>
          </details>
        )}
        {allowed.has('withdrawn') && (
          <details class="pub-action">
            <summary>Отозвать</summary>
            <label class="field">
              Причина{' '}
              <input type="text" name="reason" value={reason} onInput={(e) => (reason.value = e.currentTarget.value)} />
            </label>
            <button type="button" onClick={() => act('withdrawn', { reason: reason.value.trim() })}>
              Отозвать публикацию
            </button>
          </details>
        )}
      </div>

      <section class="pub-history" aria-label="История">
        <h4>История</h4>
        <ol>
          {record.events.map((e) => (
            <li key={e.id}>
              <strong>{TITLES[e.type]}</strong> · {fmt(e.at)} · {actorName(e.actor)}
              {e.type === 'returned' && (
                <ol class="pub-history-remarks">
                  {e.payload.remarks.map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                </ol>
              )}
              {(e.type === 'edited' || e.type === 'resubmitted') && <blockquote class="pub-version">{e.payload.text}</blockquote>}
              {e.type === 'approved' && <span> — на {fmt(e.payload.plannedAt)}</span>}
              {e.type === 'withdrawn' && e.payload.reason && <span> — {e.payload.reason}</span>}
            </li>
          ))}
        </ol>
        {record.refused?.map((r) => (
          <p key={r.event.id} class="card-notice" role="note">
            Не применено: {TITLES[r.event.type].toLowerCase()} ({actorName(r.event.actor)}) — {r.error.replace(/^Действие не выполнено: /, '')}
          </p>
        ))}
      </section>
    </article>
  );
}
