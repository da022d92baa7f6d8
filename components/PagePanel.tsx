import { useState } from 'preact/hooks';
import { useValue } from './useValue';
import type { PageState } from '@/lib/content/state';
import { request } from '@/lib/messaging/client';
import type { PageKind } from '@/lib/sites/types';

export const KIND_LABELS: Record<PageKind, string> = {
  wall: 'стена',
  post: 'запись',
  topic: 'обсуждение',
  other: 'другая страница',
};

const SITE_LABELS = { vk: 'ВКонтакте', ok: 'Одноклассники' } as const;

// A page cannot open the extension's options itself: the background does it.
const openOptions = () => void request('options/open', {}).catch(() => {});

/** The in-page panel: what Otklik sees on this page. Later features add their sections as children. */
export function PagePanel({
  state,
  children,
  onOpenSettings = openOptions,
}: {
  state: PageState;
  children?: preact.ComponentChildren;
  /** «⚙ Настройки» in the header; asks the background by default. */
  onOpenSettings?: () => void;
}) {
  const [isOpen, setOpen] = useState(true);
  const page = useValue(state.page);
  const posts = useValue(state.posts);
  const comments = useValue(state.comments);
  const warning = useValue(state.warning);
  const storeError = useValue(state.storeError);
  return (
    <section class="panel" aria-label="Отклик">
      <header>
        <strong>Отклик</strong>
        <span class="actions">
          <button type="button" class="toggle" aria-label="Настройки" title="Настройки Отклика" onClick={onOpenSettings}>
            ⚙
          </button>{' '}
          <button
            type="button"
            class="toggle"
            aria-expanded={isOpen}
            title={isOpen ? 'Свернуть' : 'Развернуть'}
            onClick={() => setOpen(!isOpen)}
          >
            {isOpen ? '–' : '+'}
          </button>
        </span>
      </header>
      {isOpen && (
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
              <dd data-testid="count-posts">{posts}</dd>
            </div>
            <div>
              <dt>Комментариев</dt>
              <dd data-testid="count-comments">{comments}</dd>
            </div>
          </dl>
          {warning && (
            <p class="warning" role="status" data-testid="page-warning">
              {warning}
            </p>
          )}
          {storeError && (
            <p class="warning" role="status">
              Не удалось сохранить: {storeError}
            </p>
          )}
          {children}
        </div>
      )}
    </section>
  );
}
