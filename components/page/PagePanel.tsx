import { signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import { useMemo, useState } from 'preact/hooks';
import { PageCheckSection, type PageCheckProps } from '../shared/PageCheck';
import { useValue } from '../shared/useValue';
import type { PageState } from '@/lib/content/state';
import { request } from '@/lib/protocol/client';
import { PAGE_KIND_LABELS, SITE_LABELS, type PageKind } from '@/lib/sites/types';


/** A photo's or a video's page is kind "post" (its comments are the page's): named as what it is. */
function kindLabel(page: { kind: PageKind; postId?: string | null }): string {
  if (page.postId?.startsWith('photo')) return 'фотография';
  if (page.postId?.startsWith('video')) return 'видео';
  return PAGE_KIND_LABELS[page.kind];
}

const NEVER = signal(false);
const NOTHING = signal('');
const NO_ACTION = signal<(() => string) | undefined>(undefined);


// A page cannot open the extension's options itself: the background does it.
const openOptions = () => void request('options/open', {}).catch(() => {});

/** The in-page panel: what Otklik sees on this page. Later features add their sections as children. */
export function PagePanel({
  state,
  children,
  onOpenSettings = openOptions,
  collapsed,
  yielding,
  pill,
  onRegisterInView,
  pageCheck,
}: {
  state: PageState;
  children?: preact.ComponentChildren;
  /** «⚙ Настройки» in the header; asks the background by default. */
  onOpenSettings?: () => void;
  /** Collapsed by the user; remembered across pages by the content script. */
  collapsed?: Signal<boolean>;
  /** Folded for a moment because the user is typing in a field the panel would cover (a reply box). */
  yielding?: ReadonlySignal<boolean>;
  /** What the collapsed pill says: the counts that matter («нарушений: 3 · сообщений: 1»). */
  pill?: ReadonlySignal<string>;
  /** The curator's «Зарегистрировать комментарий на экране» (absent for other roles); says what it did. */
  onRegisterInView?: ReadonlySignal<(() => string) | undefined>;
  /** «Проверить страницу» and the developers' report (the content script reads the page for them). */
  pageCheck?: PageCheckProps;
}) {
  const own = useMemo(() => signal(false), []);
  const folded = collapsed ?? own;
  const isOpen = !useValue(folded);
  const isYielding = useValue(yielding ?? NEVER);
  const pillText = useValue(pill ?? NOTHING);
  const registerInView = useValue(onRegisterInView ?? NO_ACTION);
  const [registerNote, setRegisterNote] = useState('');
  const setOpen = (open: boolean) => (folded.value = !open);
  const page = useValue(state.page);
  const posts = useValue(state.posts);
  const comments = useValue(state.comments);
  const warning = useValue(state.warning);
  const storeError = useValue(state.storeError);
  if (!isOpen || isYielding) {
    return (
      <button
        type="button"
        class="pill"
        data-testid="panel-pill"
        aria-expanded="false"
        title={isYielding ? 'Отклик свернулся, пока вы пишете' : 'Развернуть панель Отклика'}
        onClick={() => setOpen(true)}
      >
        Отклик{pillText ? ` · ${pillText}` : ''}
      </button>
    );
  }
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
            aria-expanded="true"
            aria-label="Свернуть"
            title="Свернуть панель"

            onClick={() => setOpen(false)}
          >
            –
          </button>
        </span>
      </header>
      {(
        <div class="body">
          <p class="page" data-testid="page-name">
            {page?.name ?? 'Страница без названия'}
            <span class="muted">
              {' · '}
              {page ? `${SITE_LABELS[page.site]}, ${kindLabel(page)}` : '…'}
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
          {registerInView && (
            <p class="register-in-view">
              <button type="button" class="link" onClick={() => setRegisterNote(registerInView())}>
                Зарегистрировать комментарий на экране
              </button>
              {registerNote && (
                <span class="muted" role="status">
                  {' '}
                  {registerNote}
                </span>
              )}
            </p>
          )}
          {children}
          {pageCheck && <PageCheckSection {...pageCheck} />}
        </div>
      )}
    </section>
  );
}
