import type { ReadonlySignal } from '@preact/signals-core';
import { useEffect, useReducer, useRef } from 'preact/hooks';

/**
 * A signal's value in a component, re-rendering when it changes. The in-page panel uses this
 * instead of @preact/signals' Preact integration, which would add its weight to every VK and OK page.
 */
export function useValue<T>(signal: ReadonlySignal<T>): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const shown = useRef<T>(signal.peek());
  shown.current = signal.peek();
  useEffect(
    // subscribe() calls back at once: a value that changed between render and now re-renders too.
    () => signal.subscribe((value) => value !== shown.current && rerender(0)),
    [signal],
  );
  return shown.current;
}
