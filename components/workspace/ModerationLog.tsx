import { useComputed, useSignal, type ReadonlySignal } from '@preact/signals';
import { ACTION_LABELS, CATEGORY_NAMES } from '@/lib/moderation/labels';
import { matchesFilter, type LogFilter, type ModerationEntry } from '@/lib/moderation/log';
import { CATEGORIES } from '@/lib/rules/types';
import { SiteLink } from './SiteLink';

const PERIODS = {
  all: { label: 'За всё время', days: null },
  day: { label: 'За сутки', days: 1 },
  week: { label: 'За неделю', days: 7 },
  month: { label: 'За 30 дней', days: 30 },
} as const;

export interface ModerationLogProps {
  entries: ReadonlySignal<ModerationEntry[] | null>;
  timeZone: string;
  now: () => number;
  onExport(entries: ModerationEntry[]): void;
}

/** The moderation log in the side panel: filters by page, period and category; CSV export. */
export function ModerationLog({ entries, timeZone, now, onExport }: ModerationLogProps) {
  const pageKey = useSignal('');
  const period = useSignal<keyof typeof PERIODS>('all');
  const category = useSignal('');
  const format = new Intl.DateTimeFormat('ru-RU', { timeZone, dateStyle: 'short', timeStyle: 'short' });

  const pages = useComputed(() => {
    const seen = new Map<string, string>();
    for (const e of entries.value ?? []) if (!seen.has(e.pageKey)) seen.set(e.pageKey, e.pageName ?? e.pageUrl);
    return [...seen];
  });
  const shown = useComputed(() => {
    const days = PERIODS[period.value].days;
    const filter: LogFilter = {
      pageKey: pageKey.value || null,
      from: days === null ? null : now() - days * 86_400_000,
      category: (category.value || null) as LogFilter['category'],
    };
    return (entries.value ?? []).filter((e) => matchesFilter(e, filter));
  });

  if (entries.value === null) return <p class="muted">Загрузка…</p>;
  return (
    <div data-testid="moderation-log">
      <div class="filters">
        <label>
          Страница{' '}
          <select value={pageKey} onChange={(e) => (pageKey.value = e.currentTarget.value)}>
            <option value="">Все</option>
            {pages.value.map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Период{' '}
          <select value={period} onChange={(e) => (period.value = e.currentTarget.value as keyof typeof PERIODS)}>
            {Object.entries(PERIODS).map(([k, p]) => (
              <option key={k} value={k}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Категория{' '}
          <select value={category} onChange={(e) => (category.value = e.currentTarget.value)}>
            <option value="">Все</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_NAMES[c]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={shown.value.length === 0} onClick={() => onExport(shown.value)}>
          Скачать CSV
        </button>
      </div>
      {shown.value.length === 0 ? (
        <p class="muted">{entries.value.length ? 'Под фильтр ничего не попало.' : 'Журнал пуст: удалённых комментариев пока нет.'}</p>
      ) : (
        <ul class="log">
          {shown.value.map((e) => (
            <li key={e.id} data-comment-key={e.commentKey}>
              <div class="log-head">
                <strong>{ACTION_LABELS[e.action]}</strong>
                {e.scope === 'word' && ' (слово везде)'} · {format.format(e.at)} · {e.recordedBy}
              </div>
              <div class="muted">
                {e.categories.map((c) => CATEGORY_NAMES[c]).join(', ')}
                {e.clauses.length > 0 && ` · ${e.clauses.join('; ')}`}
                {e.matches.length > 0 && ` · «${e.matches.join('», «')}»`}
              </div>
              <div>
                <SiteLink href={e.permalink}>{e.authorName ?? 'Автор неизвестен'}</SiteLink>
                {e.publishedAt !== null && <span class="muted"> · {format.format(e.publishedAt)}</span>}
                <span class="muted"> · {e.pageName ?? e.pageUrl}</span>
              </div>
              <blockquote>{e.text}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
