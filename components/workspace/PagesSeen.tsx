import type { ReadonlySignal } from '@preact/signals';
import type { PageSummary } from '@/lib/db/pages';
import { PAGE_KIND_LABELS } from '@/lib/sites/types';
import { SiteLink } from './SiteLink';

const SITE_SHORT = { vk: 'ВК', ok: 'ОК' } as const;

const dateTime = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'short' });

/** The pages Otklik has seen, with what it stored for each. */
export function PagesSeen({ pages, error }: { pages: ReadonlySignal<PageSummary[] | null>; error: ReadonlySignal<string | null> }) {
  if (error.value) return <p class="error">Не удалось прочитать данные: {error.value}</p>;
  const list = pages.value;
  if (list === null) return <p class="muted">Загрузка…</p>;
  if (list.length === 0) {
    return <p class="muted">Пока ни одной страницы. Откройте официальную страницу во ВКонтакте или Одноклассниках.</p>;
  }
  return (
    <table class="pages" data-testid="pages-seen">
      <thead>
        <tr>
          <th>Страница</th>
          <th>Записей</th>
          <th>Комментариев</th>
          <th>Последний раз</th>
        </tr>
      </thead>
      <tbody>
        {list.map((p) => (
          <tr key={p.key} data-page-key={p.key}>
            <td>
              <SiteLink href={p.url}>{p.name ?? p.url}</SiteLink>
              <div class="muted">
                {SITE_SHORT[p.site]} · {PAGE_KIND_LABELS[p.kind]}
              </div>
            </td>
            <td class="num" data-label="Записей">{p.posts}</td>
            <td class="num" data-label="Комментариев">{p.comments}</td>
            <td data-label="Последний раз">{dateTime.format(p.lastSeen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
