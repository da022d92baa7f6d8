/**
 * Publications on the page (App. 2 §10) and its place in the registry (§2.1): after what the page
 * showed is stored, asks the background how the page's week is going, or offers to register it.
 */
import { signal } from '@preact/signals-core';
import type { ResponseOf } from '../../protocol';
import type { PageInfo } from '../../sites/types';
import type { Feature } from '../runtime';

type Status = ResponseOf<'page/status'>;

export interface QuotaDeps {
  status(page: PageInfo, visit: { oldestSeenAt: number | null; scrolledPastMonday: boolean }): Promise<Status>;
  draft(page: PageInfo): Promise<{ opened: boolean }>;
  /** Waits for what was seen to be stored before counting. */
  stored(): Promise<void>;
}

export function quota(deps: QuotaDeps) {
  const status = signal<Status | null>(null);
  const notice = signal<string | null>(null);
  let page: PageInfo | null = null;
  let oldestSeenAt: number | null = null;
  let asking = 0;

  const feature: Feature = {
    name: 'quota',
    // The quota counts once the store has what this scan saw.
    after: ['store'],
    onPage(p) {
      page = p;
      oldestSeenAt = null;
      status.value = null;
      notice.value = null;
    },
    onBatch(b) {
      page = b.page;
      // A post opened on its own page shows nothing around it: only the wall tells how far back it was seen.
      if (b.page.kind !== 'wall') return;
      for (const { post } of b.posts) {
        if (post.pinned || post.foreign || post.publishedAt === null) continue;
        if (oldestSeenAt === null || post.publishedAt < oldestSeenAt) oldestSeenAt = post.publishedAt;
      }
    },
    onIdle(p) {
      page = p;
      if (p.kind === 'other' || (!p.ownerId && !p.ownerUrl)) return;
      const ticket = ++asking;
      void deps
        .stored()
        .then(() => deps.status(p, { oldestSeenAt, scrolledPastMonday: false }))
        .then(
          (s) => {
            if (ticket === asking) status.value = s;
          },
          () => undefined,
        );
    },
  };

  async function addToRegistry() {
    if (!page) return;
    try {
      const { opened } = await deps.draft(page);
      notice.value = opened
        ? 'Форма реестра открыта в рабочем месте Отклика.'
        : 'Откройте боковую панель Отклика (кнопка на панели браузера): форма уже заполнена.';
    } catch (e) {
      notice.value = `Не удалось: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  return { feature, model: { status, notice, addToRegistry } };
}

export type QuotaModel = ReturnType<typeof quota>['model'];
