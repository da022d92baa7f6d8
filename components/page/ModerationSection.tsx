import { useMemo, useState } from 'preact/hooks';
import { useValue } from '../shared/useValue';
import type { ModerationModel } from '@/lib/content/features/moderation';
import { CATEGORY_NAMES, shortClause, TEAM_WORDS_NOTE } from '@/lib/moderation/labels';
import { CATEGORIES, type Category } from '@/lib/rules/types';

/** A long list in a small panel helps nobody and re-renders on every batch; ↑ ↓ reach the rest. */
const LIST_LIMIT = 50;

export interface ModerationSectionProps {
  model: Pick<ModerationModel, 'flagged' | 'counts' | 'active' | 'error' | 'reveal' | 'jump'>;
  timeZone: string;
  /** Shown when flags are off on this page: «Я модерирую эту страницу». */
  onModerateHere?: () => void;
}

/** The panel's moderation part: counts by category, the flagged comments, filters, next/previous. */
export function ModerationSection({ model, timeZone, onModerateHere }: ModerationSectionProps) {
  const [filter, setFilter] = useState<Category | null>(null);
  const flagged = useValue(model.flagged);
  const active = useValue(model.active);
  const counts = useValue(model.counts);
  const error = useValue(model.error);
  const format = useMemo(() => new Intl.DateTimeFormat('ru-RU', { timeZone, dateStyle: 'short', timeStyle: 'short' }), [timeZone]);
  const shown = filter ? flagged.filter((f) => f.categories.includes(filter)) : flagged;

  if (!active) {
    return (
      <div class="moderation" data-testid="moderation">
        <p class="muted">Отметки нарушений выключены на этой странице: она не в реестре.</p>
        {onModerateHere && (
          <button type="button" class="link" onClick={onModerateHere}>
            Я модерирую эту страницу
          </button>
        )}
      </div>
    );
  }
  const total = flagged.length;
  return (
    <div class="moderation" data-testid="moderation">
      <div class="moderation-head">
        <strong>Нарушения: {total}</strong>
        <span class="nav">
          <button type="button" title="Предыдущий (Alt+Shift+K)" aria-label="Предыдущий отмеченный" disabled={!total} onClick={() => model.jump(-1)}>
            ↑
          </button>
          <button type="button" title="Следующий (Alt+Shift+J)" aria-label="Следующий отмеченный" disabled={!total} onClick={() => model.jump(1)}>
            ↓
          </button>
        </span>
      </div>
      {total > 0 && (
        <div class="chips" role="group" aria-label="Фильтр по категории">
          {CATEGORIES.filter((c) => counts[c]).map((c) => (
            <button
              key={c}
              type="button"
              class={`chip chip--${c}`}
              data-category={c}
              aria-pressed={filter === c}
              onClick={() => setFilter(filter === c ? null : c)}
            >
              {CATEGORY_NAMES[c]}: {counts[c]}
            </button>
          ))}
        </div>
      )}
      {error && <p class="warning">{error}</p>}
      <ul class="flagged">
        {shown.slice(0, LIST_LIMIT).map((f) => (
          <li key={f.key}>
            <button type="button" class="flagged-item" data-key={f.key} onClick={() => model.reveal(f.key)}>
              <span class="who">{f.comment.authorName ?? 'Автор неизвестен'}</span>
              {f.comment.publishedAt !== null && <span class="muted"> · {format.format(f.comment.publishedAt)}</span>}
              <span class="why">
                {f.categories.map((c) => CATEGORY_NAMES[c]).join(', ')} · {[...new Set(f.findings.map((x) => shortClause(x.clause)))].join('; ')}
                {f.findings.every((x) => x.team) && ` · ${TEAM_WORDS_NOTE}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length > LIST_LIMIT && (
        <p class="muted">И ещё {shown.length - LIST_LIMIT}: переходите по ним кнопками ↑ ↓.</p>
      )}
    </div>
  );
}
