/**
 * An event's lasting identity. New events get a random id where they happen; an event from before
 * ids (an old database, an old exchange file or backup) gets one made from the message and the event
 * itself, so two computers name the same old event the same way and it is never counted twice.
 */
import { hashEvents } from '../exchange/merge';
import type { MessageEvent } from '../workflow/schema';

export function legacyEventId(messageId: string, event: MessageEvent): string {
  const { id: _ignored, ...rest } = event;
  return `L${hashEvents([{ ...rest, note: `${messageId}\u0000${rest.note ?? ''}` } as MessageEvent])}`;
}

/** The events with an id each: kept where present, made for those without (occurrences numbered). */
export function withEventIds(messageId: string, events: readonly MessageEvent[]): MessageEvent[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    if (e.id) return e;
    const base = legacyEventId(messageId, e);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...e, id: n ? `${base}.${n}` : base };
  });
}

export function newEventId(): string {
  return crypto.randomUUID();
}
