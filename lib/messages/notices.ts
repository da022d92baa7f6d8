/** What the message card says beyond the message itself. Pure: the side panel wires the actions. */
import { repeatedQuestionHint } from '../rules/repeat';
import { TRANSITIONS } from '../workflow/transitions';
import type { MessageRecord } from './types';

export type CardNotice =
  | { kind: 'repeat'; text: string; earlierId: string | null }
  | { kind: 'conflict'; text: string }
  | { kind: 'publicationDiffers'; text: string }
  | { kind: 'syncConflict'; text: string };

export function cardNotices(record: MessageRecord, earlier: readonly MessageRecord[]): CardNotice[] {
  const out: CardNotice[] = [];
  // App. 1 §16 ¶2: the same author's question answered before, with nothing new — a hint, never a decision.
  const hint = record.text
    ? repeatedQuestionHint(
        record.text,
        earlier.map((e) => ({ id: e.id, text: e.text ?? '', answered: e.events.some((ev) => ev.type === 'published') })),
      )
    : null;
  if (hint) out.push({ kind: 'repeat', text: `${hint.message} (${hint.clause})`, earlierId: hint.earlier.id ?? null });
  if (record.conflict) {
    const pending = record.conflict.pending.length;
    out.push({
      kind: 'conflict',
      text: `Сообщение изменено на двух компьютерах (${record.conflict.from.name}): проверьте историю${pending ? ` — событий другой стороны, не вошедших в неё: ${pending}` : ''}.`,
    });
  }
  // Team sync: two people acted at once, and the shared log's order made this act impossible.
  for (const r of record.refused ?? []) {
    const who = r.event.actor.name;
    const winner = record.events.at(-1);
    out.push({
      kind: 'syncConflict',
      text: `Не применено: «${TRANSITIONS[r.event.type].title}» (${who}) — в общем журнале раньше стоит «${winner ? TRANSITIONS[winner.type].title : '—'}»${winner ? ` (${winner.actor.name})` : ''}. ${r.error}`,
    });
  }
  // §10: the reply on the page is the proof; a text that differs from the approved one is the curator's to see.
  if (record.publication?.differs) out.push({ kind: 'publicationDiffers', text: `Размещённый ответ отличается от согласованного: «${record.publication.text}»` });
  return out;
}
