import type { PlanKind, WeekPlan } from '@/lib/publications/plan';
import { safeSiteLink } from '@/lib/sites/address';
import { SiteLink } from '../SiteLink';
import { dayText } from './format';

const WEEKDAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];
const KIND_TITLES: Record<PlanKind, string> = { published: 'опубликовано', approved: 'согласовано', planned: 'на рассмотрении' };

export interface WeekPlanViewProps {
  plans: readonly WeekPlan[];
  weekLabel: string;
  today: string;
  zone: string;
  onShift(offset: number): void;
  onOpen(requestId: string): void;
}

/** Per official page: the week's published, approved and planned posts on a calendar, against the target. */
export function WeekPlanView({ plans, weekLabel, today, zone, onShift, onOpen }: WeekPlanViewProps) {
  const time = new Intl.DateTimeFormat('ru-RU', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  return (
    <section class="pub-plan" data-testid="pub-plan" aria-label="План недели">
      <div class="pub-week-nav">
        <button type="button" aria-label="Предыдущая неделя" onClick={() => onShift(-1)}>
          ←
        </button>
        <strong>{weekLabel}</strong>
        <button type="button" aria-label="Следующая неделя" onClick={() => onShift(1)}>
          →
        </button>
      </div>
      {plans.length === 0 && <p class="muted">В реестре пока нет страниц — план строится для страниц из реестра.</p>}
      {plans.map((p) => {
        const total = p.published + p.approved;
        return (
          <article key={p.entryId} class="pub-plan-page" data-page={p.entryId} aria-label={p.name}>
            <h3>{p.name}</h3>
            <p class={`pub-plan-sum${total >= p.target ? ' met' : ''}`} data-testid="plan-sum">
              <strong>
                {total} из {p.target}
              </strong>{' '}
              · опубликовано {p.published}, согласовано {p.approved}, на рассмотрении {p.planned}
              {p.left > 0 ? ` · не хватает ${p.left}` : ' · цель недели закрыта'}
            </p>
            <ol class="pub-calendar" aria-label="Дни недели">
              {p.days.map((d, i) => {
                const n = (k: PlanKind) => d.items.filter((x) => x.kind === k).length;
                return (
                  <li key={d.date} class={d.date === today ? 'today' : undefined} aria-label={`${WEEKDAYS[i]}, ${dayText(d.date)}: ${d.items.length ? (['published', 'approved', 'planned'] as const).filter((k) => n(k)).map((k) => `${KIND_TITLES[k]} ${n(k)}`).join(', ') : 'ничего'}`}>
                    <span class="pub-day">
                      {WEEKDAYS[i]} {Number(d.date.slice(8))}
                    </span>
                    {n('published') > 0 && <span class="dot published">{n('published')}</span>}
                    {n('approved') > 0 && <span class="dot approved">{n('approved')}</span>}
                    {n('planned') > 0 && <span class="dot planned">{n('planned')}</span>}
                  </li>
                );
              })}
            </ol>
            {p.days.some((d) => d.items.length) && (
              <ul class="pub-plan-items">
                {p.days.flatMap((d, i) =>
                  d.items.map((item, k) => {
                    const url = safeSiteLink(item.url);
                    return (
                      <li key={`${d.date}-${k}`} class={item.kind}>
                        <span class="pub-plan-when">
                          {WEEKDAYS[i]}
                          {item.at !== null && ` ${time.format(item.at)}`}
                        </span>{' '}
                        <span class={`badge ${item.kind}`}>{KIND_TITLES[item.kind]}</span>{' '}
                        {item.requestId ? (
                          <button type="button" class="link" onClick={() => onOpen(item.requestId!)}>
                            {item.snippet || 'без текста'}
                          </button>
                        ) : (
                          <span>{item.snippet || 'без текста'}</span>
                        )}
                        {url && (
                          <>
                            {' '}
                            <SiteLink href={url}>запись</SiteLink>
                          </>
                        )}
                      </li>
                    );
                  }),
                )}
              </ul>
            )}
          </article>
        );
      })}
      <p class="muted">
        <span class="dot published">●</span> опубликовано (записи, которые Отклик видел на стене) · <span class="dot approved">●</span> согласовано ·{' '}
        <span class="dot planned">●</span> на рассмотрении (желаемая дата)
      </p>
    </section>
  );
}
