/**
 * The open message's card, as a model: which message is selected, its record and what the workflow
 * makes of it now, the notices over it, and its two actions — an act (one append through the store,
 * lib/db/messages) and the working draft. An act's new state comes back from the store and is shown
 * as is: one act replays the history once, not three times.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { NewMessageEvent } from '@/components/workspace/messages/MessageCard';
import { resolveConflict } from '../exchange';
import { appendEvent, earlierFromAuthor, getMessage, saveWorkingDraft } from '../db/messages';
import { liveSignal } from '../db/live';
import type { OtklikDB } from '../db/schema';
import { cardNotices } from '../messages/notices';
import { derive } from '../messages/summary';
import type { MessageRecord } from '../messages/types';
import type { MessageState } from '../workflow/reducer';
import type { WorkClock } from '../worktime/clock';

export interface CardNotice {
  text: string;
  linkText?: string;
  onOpen?: () => void;
}

export function cardModel(deps: { db: OtklikDB; clock: ReadonlySignal<WorkClock>; now: ReadonlySignal<number>; selected?: string | null; at?: () => number }) {
  const { db, clock, now } = deps;
  const at = deps.at ?? Date.now;
  const selectedId: Signal<string | null> = signal(deps.selected ?? null);
  const open = liveSignal(async () => {
    const record = selectedId.value ? await getMessage(db, selectedId.value) : undefined;
    if (!record) return null;
    return { record, earlier: await earlierFromAuthor(db, record) };
  }, null);
  // The live query must follow the selection: re-subscribe when it changes.
  let last = selectedId.value;
  selectedId.subscribe((id) => {
    if (id === last) return;
    last = id;
    open.refresh();
  });
  /** The state the last act returned, kept for the record it belongs to. */
  let applied: { record: MessageRecord; state: MessageState } | null = null;
  const message = computed(() => {
    const record = open.value.value?.record;
    if (!record || record.id !== selectedId.value) return null;
    const known = applied && applied.record.id === record.id && applied.record.events.length === record.events.length && applied.record.updatedAt === record.updatedAt ? applied.state : undefined;
    const { state, report } = derive(record, clock.value, now.value, known);
    return { record, derived: { state, report } };
  });
  const notices = computed((): CardNotice[] => {
    const o = open.value.value;
    if (!o) return [];
    return cardNotices(o.record, o.earlier).map((n) => {
      if (n.kind === 'repeat' && n.earlierId) return { text: n.text, linkText: 'открыть прежнее', onOpen: () => (selectedId.value = n.earlierId!) };
      if (n.kind === 'conflict') return { text: n.text, linkText: 'Решено', onOpen: () => void resolveConflict(db, o.record.id, clock.value, at()) };
      return { text: n.text };
    });
  });
  const earlier = computed(() => (open.value.value?.earlier ?? []).map((r) => ({ id: r.id, at: r.source.writtenAt ?? r.createdAt, snippet: (r.text ?? '').slice(0, 80) })));

  return {
    selectedId,
    open,
    message,
    notices,
    earlier,
    /** One act on the open message, through the store; a refusal comes back in Russian and changes nothing. */
    async act(event: NewMessageEvent): Promise<{ ok: true } | { ok: false; error: string }> {
      const id = selectedId.value;
      if (!id) return { ok: false, error: 'Сообщение не выбрано' };
      const r = await appendEvent(db, id, event, clock.value, at());
      if (!r.ok) return r;
      applied = { record: r.record, state: r.state };
      return { ok: true };
    },
    saveWorkingDraft(text: string) {
      const id = selectedId.value;
      if (id) void saveWorkingDraft(db, id, text, at());
    },
  };
}

export type CardModel = ReturnType<typeof cardModel>;
