import { useSignal } from '@preact/signals';
import type { PageState } from '@/lib/content/state';
import type { PageKind } from '@/lib/sites/types';

export const KIND_LABELS: Record<PageKind, string> = {
  wall: 'стена',
  post: 'запись',
  topic: 'обсуждение',
  other: 'другая страница',
};

const SITE_LABELS = { vk: 'ВКонтакте', ok: 'Одноклассники' } as const;

/** The in-page panel: what Otklik sees on this page. Later features add their sections as children. */
export function PagePanel({ state, children }: { state: PageState; children?: preact.ComponentChildren }) {
  const open = useSignal(true);
  const page = state.page.value;
  return (
    <section class="panel" aria-label="Отклик">
      <header>
        <strong>Отклик</strong>
        <button
          type="button"
          class="toggle"
          aria-expanded={open.value}
          title={open.value ? 'Свернуть' : 'Развернуть'}
          onClick={() => (open.value = !open.value)}
        >
          {open.value ? '–' : '+'}
        </button>
      </header>
      {open.value && (
        <div class="body">
          <p class="page" data-testid="page-name">
            {page?.name ?? 'Страница без названия'}
            <span class="muted">
              {' · '}
              {page ? `${SITE_LABELS[page.site]}, ${KIND_LABELS[page.kind]}` : '…'}
            </span>
          </p>
          <dl class="counts">
            <div>
              <dt>Записей</dt>
              <dd data-testid="count-posts">{state.posts}</dd>
            </div>
            <div>
              <dt>Комментариев</dt>
              <dd data-testid="count-comments">{state.comments}</dd>
            </div>
          </dl>
          {state.warning.value && (
            <p class="warning" role="status" data-testid="page-warning">
              {state.warning}
            </p>
          )}
          {state.storeError.value && (
            <p class="warning" role="status">
              Не удалось сохранить: {state.storeError}
            </p>
          )}
          {children}
        </div>
      )}
    </section>
  );
}
