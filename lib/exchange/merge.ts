/**
 * Two histories of one message, joined: every event of both, in time order, each once. Shared by
 * exchange imports and backup merges: «the newest event wins, nothing is deleted».
 */
import type { MessageEvent } from '../workflow/schema';

/** The same act on two computers: the same id, or the same kind, instant and person. */
function keysOf(e: MessageEvent): string[] {
  const keys = [`t:${e.type}\u0000${e.at}\u0000${e.actor.name}`];
  if (e.id) keys.push(`i:${e.id}`);
  return keys;
}

export class EventSet {
  private readonly keys = new Set<string>();
  constructor(events: readonly MessageEvent[] = []) {
    for (const e of events) this.add(e);
  }
  add(e: MessageEvent): void {
    for (const k of keysOf(e)) this.keys.add(k);
  }
  has(e: MessageEvent): boolean {
    return keysOf(e).some((k) => this.keys.has(k));
  }
}

/** Events of `b` that `a` lacks. */
export function missingFrom(a: readonly MessageEvent[], b: readonly MessageEvent[]): MessageEvent[] {
  const set = new EventSet(a);
  const out: MessageEvent[] = [];
  for (const e of b) {
    if (set.has(e)) continue;
    set.add(e);
    out.push(e);
  }
  return out;
}

/** Ours first at equal instants (a stable sort), so a replayed order never depends on the other side. */
export function mergeEvents(ours: readonly MessageEvent[], theirs: readonly MessageEvent[]): MessageEvent[] {
  const extra = missingFrom(ours, theirs);
  if (!extra.length) return ours.slice();
  return [...ours, ...extra].map((e, i) => ({ e, i })).sort((x, y) => x.e.at - y.e.at || x.i - y.i).map((x) => x.e);
}

/** FNV-1a (64-bit, as two 32-bit halves) over the events' canonical JSON: a fingerprint, not a seal. */
export function hashEvents(events: readonly MessageEvent[]): string {
  const text = canonical(events);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** JSON with keys sorted, so two computers write the same events the same way. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
