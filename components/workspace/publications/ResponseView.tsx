import type { PageResponse, ResponseGroup } from '@/lib/publications/response';
import { FORMAT_TITLES, type PublicationFormat } from '@/lib/publications/schema';
import { dayText } from './format';

export interface ResponseRow {
  id: string;
  name: string;
  response: PageResponse;
}

const round = (n: number) => (n >= 10 ? String(Math.round(n)) : n.toFixed(1).replace('.', ','));

function Groups({ title, groups, label }: { title: string; groups: readonly ResponseGroup[]; label(key: string): string }) {
  const max = Math.max(1, ...groups.map((g) => g.meanResponse));
  return (
    <table class="pub-response-table">
      <caption class="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col" class="num">Записей</th>
          <th scope="col">Отклик на запись</th>
          <th scope="col" class="num">Просмотры</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key}>
            <td>{label(g.key)}</td>
            <td class="num">{g.posts}</td>
            <td>
              <span class="bar" style={{ width: `${Math.round((g.meanResponse / max) * 60)}px` }} aria-hidden="true" /> {round(g.meanResponse)}
            </td>
            <td class="num">{g.meanViews === null ? '—' : round(g.meanViews)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const formatLabel = (key: string) => (key === 'none' ? 'без заявки' : FORMAT_TITLES[key as PublicationFormat]);

/** Per page, over 8 weeks: which formats and hours get the most response (likes, comments, reposts). */
export function ResponseView({ rows, zone }: { rows: readonly ResponseRow[]; zone: string }) {
  const fmt = new Intl.DateTimeFormat('ru-RU', { timeZone: zone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  if (!rows.length) return <p class="muted">В реестре пока нет страниц.</p>;
  return (
    <section class="pub-response" data-testid="pub-response" aria-label="Отклик на публикации">
      {rows.map(({ id, name, response: r }) => (
        <article key={id} class="pub-response-block" data-page={id} aria-label={name}>
          <h3>{name}</h3>
          {r.posts === 0 ? (
            <p class="muted">
              За {dayText(r.from)} — {dayText(r.to)} Отклик ещё не видел цифр под записями: откройте стену страницы.
            </p>
          ) : (
            <>
              <p class="muted">
                {dayText(r.from)} — {dayText(r.to)}: записей с цифрами — {r.posts}. Отклик — лайки, комментарии и репосты при последнем
                просмотре стены.
              </p>
              <Groups title="Формат" groups={r.byFormat} label={formatLabel} />
              <Groups title="Время" groups={r.byHour} label={(k) => k} />
              <h4>Больше всего откликов</h4>
              <ol class="pub-top" data-testid="pub-top">
                {r.top.map((s) => (
                  <li key={s.key}>
                    <span class="pub-row-text">{s.text.slice(0, 80) || 'без текста'}</span>{' '}
                    <span class="muted">
                      {fmt.format(s.publishedAt)} · отклик {s.response}
                      {s.views !== null && ` · просмотры ${s.points.map((p) => p.views ?? '—').join(' → ')}`}
                    </span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </article>
      ))}
    </section>
  );
}
