import type { ReadonlySignal } from '@preact/signals';
import { useSignal } from '@preact/signals';
import { CATEGORY_NAMES, shortClause } from '@/lib/moderation/labels';
import { waitedText, type FlaggedComment } from '@/lib/moderation/queue';
import { safeSiteLink } from '@/lib/sites/address';
import { SiteLink } from './SiteLink';

/** Rows shown at once: the rest by the page filter, so a long queue never makes the panel slow. */
const LIMIT = 100;

export interface ModerationQueueProps {
  entries: ReadonlySignal<FlaggedComment[] | null>;
  now: () => number;
  onDeleted(entry: FlaggedComment): Promise<unknown>;
  onNotViolation(entry: FlaggedComment): Promise<unknown>;
}

/**
 * Flagged comments still to handle, across every page the moderator opened, oldest first: page,
 * comment, reason, how long it has waited, and the link that opens it on the site.
 */
export function ModerationQueue({ entries, now, onDeleted, onNotViolation }: ModerationQueueProps) {
  const pageKey = useSignal('');
  const failed = useSignal<string | null>(null);
  const list = entries.value;
  if (list === null) return <p class="muted">Загрузка…</p>;
  const pages = new Map<string, string>();
  for (const e of list) if (!pages.has(e.pageKey)) pages.set(e.pageKey, e.pageName ?? e.pageUrl);
  const shown = pageKey.value ? list.filter((e) => e.pageKey === pageKey.value) : list;
  const t = now();
  const act = (fn: () => Promise<unknown>) => () =>
    fn().then(
      () => (failed.value = null),
      (e: unknown) => (failed.value = `Не записано: ${e instanceof Error ? e.message : String(e)}`),
    );

  return (
    <section class="mod-queue" data-testid="mod-queue" aria-labelledby="mod-queue-title">
      <h2 id="mod-queue-title">Ждут решения: {list.length}</h2>
      {!list.length ? (
        <p class="muted">
          Отмеченных комментариев, ждущих решения, нет. Они появляются здесь, когда вы открываете страницы, которые модерируете.
        </p>
      ) : (
        <>
          {pages.size > 1 && (
            <label class="filters">
              Страница{' '}
              <select value={pageKey.value} onChange={(e) => (pageKey.value = e.currentTarget.value)}>
                <option value="">Все ({list.length})</option>
                {[...pages].map(([key, name]) => (
                  <option key={key} value={key}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {failed.value && (
            <p class="error" role="alert">
              {failed.value}
            </p>
          )}
          <ul class="log">
            {shown.slice(0, LIMIT).map((e) => {
              return (
                <li key={e.commentKey} data-comment={e.commentKey}>
                  <div class="mod-queue-head">
                    <strong>{e.categories.map((c) => CATEGORY_NAMES[c]).join(', ')}</strong>
                    <span class="muted"> · ждёт {waitedText(e.firstSeen, t)}</span>
                  </div>
                  <div class="muted">
                    {e.pageName ?? e.pageUrl}
                    {e.authorName ? ` · ${e.authorName}` : ''}
                    {e.clauses.length ? ` · ${[...new Set(e.clauses.map(shortClause))].join('; ')}` : ''}
                  </div>
                  <blockquote>{e.text.length > 300 ? `${e.text.slice(0, 300)}…` : e.text}</blockquote>
                  {e.matches.length > 0 && <div class="muted">Слова: {e.matches.join(', ')}</div>}
                  <div class="row">
                    {safeSiteLink(e.permalink ?? e.pageUrl) && <SiteLink href={e.permalink ?? e.pageUrl}>Открыть комментарий</SiteLink>}
                    <button type="button" onClick={act(() => onDeleted(e))} title="Отклик не удаляет комментарии: отметьте, что вы удалили его на сайте">
                      Я удалил(а) на сайте
                    </button>
                    <button type="button" onClick={act(() => onNotViolation(e))}>
                      Не нарушение
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          {shown.length > LIMIT && <p class="muted">Показаны первые {LIMIT} из {shown.length}: выберите страницу, чтобы увидеть остальные.</p>}
        </>
      )}
    </section>
  );
}
