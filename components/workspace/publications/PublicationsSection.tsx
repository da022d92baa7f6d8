import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { PubActor, PubEventOf } from '@/lib/publications/schema';
import { RequestCard, type Act } from './RequestCard';
import { RequestForm, type PageChoice } from './RequestForm';
import { RequestList, type RequestRow } from './RequestList';
import './publications.css';

export type PublicationsView = 'plan' | 'requests' | 'weeks' | 'response';

const VIEWS: { id: PublicationsView; title: string }[] = [
  { id: 'plan', title: 'План недели' },
  { id: 'requests', title: 'Заявки' },
  { id: 'weeks', title: 'Счёт по неделям' },
  { id: 'response', title: 'Отклик' },
];

export interface PublicationsSectionProps {
  view: Signal<PublicationsView>;
  me: PubActor;
  zone: string;
  pages: readonly PageChoice[];
  rows: readonly RequestRow[] | null;
  selected: Signal<string | null>;
  now: () => number;
  onSubmit(event: PubEventOf<'submitted'>): Promise<{ ok: true } | { ok: false; error: string }>;
  onAct(id: string): Act;
  plan: ComponentChildren;
  weeks: ComponentChildren;
  response: ComponentChildren;
  exchange?: ComponentChildren;
}

/** The publications tab (App. 2 §9–§13): the plan, the requests, the weekly count, what posts achieved. */
export function PublicationsSection(props: PublicationsSectionProps) {
  const { view, me, zone, pages, rows, selected } = props;
  const open = rows?.find((r) => r.record.id === selected.value) ?? null;
  const pageName = (id: string) => pages.find((p) => p.id === id)?.name ?? 'страница не в реестре';
  return (
    <div class="publications" data-testid="publications">
      <div class="pub-views" role="group" aria-label="Что показать">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" data-view={v.id} aria-pressed={view.value === v.id} onClick={() => (view.value = v.id)}>
            {v.title}
          </button>
        ))}
      </div>
      {view.value === 'plan' && props.plan}
      {view.value === 'weeks' && props.weeks}
      {view.value === 'response' && props.response}
      {view.value === 'requests' && (
        <>
          {open?.state ? (
            <RequestCard
              key={`${open.record.id}-${open.record.events.length}`}
              record={open.record}
              state={open.state}
              me={me}
              zone={zone}
              pageName={pageName}
              now={props.now}
              onAct={props.onAct(open.record.id)}
              onClose={() => (selected.value = null)}
            />
          ) : (
            me.role !== 'moderator' && <RequestForm me={me} pages={pages} now={props.now} onSubmit={props.onSubmit} />
          )}
          <h3>{me.role === 'curator' ? 'Публикации подразделений' : 'Мои публикации'}</h3>
          {rows === null ? <p class="muted">Загрузка…</p> : <RequestList rows={rows} me={me} zone={zone} selected={selected} />}
          {props.exchange}
        </>
      )}
    </div>
  );
}
