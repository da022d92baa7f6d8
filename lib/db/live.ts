import { signal, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';

export interface Live<T> {
  value: ReadonlySignal<T>;
  error: ReadonlySignal<string | null>;
  /** Subscribes anew: for a query that reads something outside the database (a selection). */
  refresh(): void;
}

/**
 * A Dexie liveQuery as a signal: the side panel re-renders when the stored data changes. It lives as
 * long as the panel does, so it is never unsubscribed but to subscribe anew.
 */
export function liveSignal<T>(query: () => Promise<T>, initial: T): Live<T> {
  const value = signal(initial);
  const error = signal<string | null>(null);
  const subscribe = () =>
    liveQuery(query).subscribe({
      next: (v) => {
        value.value = v;
        error.value = null;
      },
      error: (e: unknown) => {
        error.value = e instanceof Error ? e.message : String(e);
      },
    });
  let subscription = subscribe();
  return {
    value,
    error,
    refresh() {
      subscription.unsubscribe();
      subscription = subscribe();
    },
  };
}
