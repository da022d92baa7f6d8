import { useState } from 'preact/hooks';
import { ITEMS, plural } from '@/lib/i18n/plural';
import { publicationTarget } from '@/lib/quota/target';
import { sortRegistry } from '@/lib/registry/export';
import { DEFAULT_MAX_AGE_DAYS, overdueCount, protectionStatus } from '@/lib/registry/protection';
import { KIND_LABELS, SITE_LABELS, type RegistryEntry } from '@/lib/registry/entry';
import type { ComponentChildren } from 'preact';
import { ProtectionBadge } from './ProtectionBadge';
import { SiteLink } from '../SiteLink';

export const NO_SECRETS_TEXT = 'Отклик не хранит пароли и коды подтверждения — только даты проверок.';

export interface RegistryTableProps {
  entries: readonly RegistryEntry[];
  /** The administration's calendar date, yyyy-mm-dd. */
  today: string;
  maxAgeDays?: number;
  onEdit(entry: RegistryEntry): void;
  onRemove(entry: RegistryEntry): void;
  /** The page checks of App. 2 §4 and §12 for an entry: how many are missing, and their cell. */
  pageChecks?(entry: RegistryEntry): { problems: number; cell: ComponentChildren };
}

/** The registry of official pages (App. 2 §2.1) with the protection checklist of each (§6). */
export function RegistryTable({ entries, today, maxAgeDays = DEFAULT_MAX_AGE_DAYS, onEdit, onRemove, pageChecks }: RegistryTableProps) {
  // Removing asks once more in the row itself: a registry entry carries dates nobody remembers.
  const [confirming, setConfirming] = useState<string | null>(null);
  if (entries.length === 0) {
    return (
      <section class="registry">
        <p class="muted">Реестр пуст. Откройте официальную страницу и нажмите «Добавить в реестр» или импортируйте файл.</p>
        <p class="muted no-secrets">{NO_SECRETS_TEXT}</p>
      </section>
    );
  }
  const problems = overdueCount(entries, today, maxAgeDays);
  const checks = new Map(pageChecks ? entries.map((e) => [e.id, pageChecks(e)]) : []);
  const checkProblems = [...checks.values()].reduce((n, c) => n + c.problems, 0);
  return (
    <section class="registry">
      <p class={problems ? 'registry-problems warn' : 'registry-problems ok'} data-testid="registry-problems">
        {problems ? `Требуют внимания: ${plural(problems, ITEMS)} защиты` : 'Защита всех страниц проверена вовремя'}
      </p>
      {checkProblems > 0 && (
        <p class="registry-problems warn" data-testid="page-check-problems">
          Не хватает по пп. 4 и 12 Порядка: {plural(checkProblems, ITEMS)} (решение, согласование, описание, оформление)
        </p>
      )}
      <table class="registry-table" data-testid="registry-table">
        <thead>
          <tr>
            <th>Страница</th>
            <th>Подразделение</th>
            <th>Ответственный</th>
            <th>Защита</th>
            {pageChecks && <th>Создание и оформление</th>}
            <th>Цель в неделю</th>
            <th>
              <span class="visually-hidden">Действия</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sortRegistry(entries).map((e) => {
            const status = protectionStatus(e, today, maxAgeDays);
            return (
              <tr key={e.id} data-entry-id={e.id} class={status.problems || checks.get(e.id)?.problems ? 'has-problems' : undefined}>
                <td>
                  <SiteLink href={e.url}>{e.name}</SiteLink>
                  <div class="muted">
                    {SITE_LABELS[e.site]} · {KIND_LABELS[e.kind]}
                  </div>
                  {e.notes && <div class="notes">{e.notes}</div>}
                </td>
                <td data-label="Подразделение">{e.department}</td>
                <td data-label="Ответственный">{e.responsible}</td>
                <td class="protection" data-label="Защита">
                  <div>
                    Двухфакторная аутентификация: <ProtectionBadge item="twoFactor" status={status.twoFactor} maxAgeDays={maxAgeDays} />
                  </div>
                  <div>
                    Администраторы: <ProtectionBadge item="admins" status={status.admins} maxAgeDays={maxAgeDays} />
                  </div>
                </td>
                {pageChecks && (
                  <td class="protection" data-label="Создание и оформление">
                    {checks.get(e.id)?.cell}
                  </td>
                )}
                <td class="num" data-label="Цель в неделю">
                  {publicationTarget(e.kind, e.weeklyTarget)}
                  {e.weeklyTarget === undefined && <span class="muted"> (по умолчанию)</span>}
                </td>
                <td class="actions">
                  {confirming === e.id ? (
                    <span class="confirm" role="group" aria-label="Подтверждение удаления">
                      Удалить «{e.name}» из реестра?{' '}
                      <button
                        type="button"
                        class="danger"
                        onClick={() => {
                          setConfirming(null);
                          onRemove(e);
                        }}
                      >
                        Да, удалить
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        Отмена
                      </button>
                    </span>
                  ) : (
                    <>
                      <button type="button" onClick={() => onEdit(e)} aria-label={`Изменить «${e.name}»`}>
                        Изменить
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(e.id)} aria-label={`Удалить «${e.name}»`}>
                        Удалить
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted no-secrets">{NO_SECRETS_TEXT}</p>
    </section>
  );
}
