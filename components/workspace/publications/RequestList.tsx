import type { ReadonlySignal, Signal } from '@preact/signals';
import { PUB_STATUS_SHORT, type PublicationState } from '@/lib/publications/reducer';
import type { PubActor, PublicationRecord } from '@/lib/publications/schema';
import { foldDepartment } from '@/lib/sync/subjects';
import { dateTime } from './format';

export interface RequestRow {
  record: PublicationRecord;
  state: PublicationState | null;
  error?: string;
}

/** Whose turn it is: the department of information policy decides on what waits; the author revises. */
export function waitsFor(me: PubActor, s: PublicationState): boolean {
  if (me.role === 'curator') return s.status === 'submitted';
  const mine = me.department && s.author.department && foldDepartment(me.department) === foldDepartment(s.author.department);
  return Boolean(mine) && s.status === 'returned';
}

export function RequestList({ rows, me, zone, selected }: { rows: readonly RequestRow[]; me: PubActor; zone: string; selected: Signal<string | null> | ReadonlySignal<string | null> }) {
  const fmt = dateTime(zone);
  if (!rows.length) return <p class="muted">Публикаций пока нет.</p>;
  const sorted = [...rows].sort((a, b) => Number(b.state ? waitsFor(me, b.state) : 0) - Number(a.state ? waitsFor(me, a.state) : 0) || b.record.updatedAt - a.record.updatedAt);
  return (
    <ul class="pub-list" data-testid="pub-list">
      {sorted.map(({ record, state, error }) => (
        <li key={record.id} class={state && waitsFor(me, state) ? 'waits' : undefined} data-status={state?.status ?? 'broken'}>
          <button type="button" class="pub-row" onClick={() => ((selected as Signal<string | null>).value = record.id)}>
            <span class="pub-row-status">{state ? PUB_STATUS_SHORT[state.status] : 'ошибка в истории'}</span>
            <span class="pub-row-text">{state ? state.text.slice(0, 100) : error}</span>
            {state && (
              <span class="muted">
                {state.author.department ?? state.author.name} · {fmt(record.updatedAt)}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
