import type { MessageEvent } from '@/lib/workflow/schema';

/**
 * Values as a test wrote them: the store gives every event its lasting id, which tests do not fix.
 * Removes `id` from every event (an object with `type`, `actor` and `at`) found inside `value`.
 */
export function noIds<T>(value: T): T {
  if (Array.isArray(value)) return value.map(noIds) as T;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const isEvent = 'type' in o && 'actor' in o && 'at' in o;
    return Object.fromEntries(Object.entries(o).filter(([k]) => !(isEvent && k === 'id')).map(([k, v]) => [k, noIds(v)])) as T;
  }
  return value;
}
export const noId = <T extends MessageEvent>(e: T | undefined): T | undefined => noIds(e);
