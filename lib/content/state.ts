import { computed, signal } from '@preact/signals-core';
import type { PageInfo } from '../sites/types';

/** What the page's panel shows: kept by the runtime, read by components. */
export type PageStatus = 'scanning' | 'ok' | 'no-comments' | 'unknown-markup';

export function createPageState() {
  const page = signal<PageInfo | null>(null);
  const posts = signal(0);
  const comments = signal(0);
  const status = signal<PageStatus>('scanning');
  /** The last reason the background refused or failed to store what we saw, for the panel. */
  const storeError = signal<string | null>(null);
  const warning = computed(() => STATUS_WARNINGS[status.value]);
  return { page, posts, comments, status, storeError, warning };
}

export type PageState = ReturnType<typeof createPageState>;

export const STATUS_WARNINGS: Record<PageStatus, string | null> = {
  scanning: null,
  ok: null,
  'no-comments': 'Страница изменилась: комментарии не найдены',
  'unknown-markup': 'Разметка страницы не распознана: записи и комментарии не найдены',
};
