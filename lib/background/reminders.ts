/**
 * The toolbar badge and the reminders: overdue protection checks (App. 2 §6) on the badge, and on
 * Thursday at noon a notification for each registered page behind its weekly pace (App. 2 §10).
 */
import { behindPace } from '../quota/pace';
import { daysLeftText, NO_DATA_HINT, weekLine } from '../quota/text';
import { isoDateIn, nextThursdayNoon } from '../quota/week';
import { quotaRows, listRegistry } from '../db/registry';
import type { OtklikDB } from '../db/schema';
import { overdueCount } from '../registry/protection';
import type { MessageSummary } from '../messages/types';
import type { Settings } from '../settings/defaults';
import { DEADLINE_TABLE } from '../workflow/table';
import type { WorkClock } from '../worktime/clock';

export const QUOTA_ALARM = 'quota-reminder';

export interface Notice {
  id: string;
  title: string;
  message: string;
}

export async function badgeCount(db: OtklikDB, now: number, zone: string): Promise<{ text: string; title: string }> {
  const overdue = overdueCount(await listRegistry(db), isoDateIn(now, zone));
  return {
    text: overdue ? String(overdue) : '',
    title: overdue ? `Отклик: просроченных проверок защиты страниц — ${overdue}` : 'Отклик',
  };
}

/**
 * One notice a registered page behind its pace this week; an incomplete count says so, and a page
 * whose wall nobody opened this week is asked to be opened rather than reported at «0 из 10».
 */
export async function quotaNotices(db: OtklikDB, now: number, zone: string): Promise<Notice[]> {
  const rows = await quotaRows(db, now, zone, 1);
  return rows
    .filter((r) => !r.summary.met && (!r.summary.complete || behindPace(r.summary, now)))
    .map((r) => ({
      id: `quota:${r.entry.id}`,
      title: `Публикации: ${r.entry.name}`,
      message:
        r.summary.coverage === 'none'
          ? `${NO_DATA_HINT}.`
          : r.summary.complete
            ? `${weekLine(r.summary)} · ${daysLeftText(r.summary.daysLeft)}`
            : `${weekLine(r.summary)}. Счёт может быть неполным: откройте стену и прокрутите её до понедельника.`,
    }));
}

export function nextQuotaReminder(now: number, zone: string): number {
  return nextThursdayNoon(now, zone);
}

export const DEADLINE_ALARM = 'deadlines';

export interface DeadlineAlert {
  key: string;
  id: string;
  kind: 'soon' | 'overdue';
  title: string;
  message: string;
}

/** Whether the user answers for this row's next deadline: the curator, or their executor unit. */
export function ownsNext(row: MessageSummary, me: Settings): boolean {
  if (!row.nextOwner) return false;
  if (me.role === 'curator') return row.nextOwner === 'Куратор';
  return me.role === 'executor' && me.department.trim() !== '' && row.nextOwner === me.department.trim();
}

/**
 * Deadlines the user owns that are 30 working minutes away or already missed: the badge counts
 * them, and each gets one notification per deadline and kind.
 */
export function deadlineAlerts(rows: readonly MessageSummary[], me: Settings, now: number, clock: WorkClock): DeadlineAlert[] {
  const alerts: DeadlineAlert[] = [];
  for (const row of rows) {
    if (row.nextDue === null || !row.nextName || !ownsNext(row, me)) continue;
    const left = clock.workingMinutesBetween(now, row.nextDue);
    // Strictly under 30: a 30-minute deadline (routing, §4.4) would otherwise ring the moment it starts.
    const kind = row.nextDue <= now ? 'overdue' : left < 30 ? 'soon' : null;
    if (!kind) continue;
    const what = DEADLINE_TABLE[row.nextName].title;
    alerts.push({
      key: `${row.id}:${row.nextName}:${kind}`,
      id: row.id,
      kind,
      title: kind === 'overdue' ? `Срок пропущен (п. ${DEADLINE_TABLE[row.nextName].clause})` : `Осталось ${Math.max(left, 0)} мин`,
      message: `${what}. ${row.author ? `${row.author}: ` : ''}${row.snippet}`.slice(0, 250),
    });
  }
  return alerts;
}

/** What the toolbar button shows: the deadlines first (red when one is missed), else the registry's checks. */
export function badgeView(alerts: readonly DeadlineAlert[], registry: { text: string; title: string }): { text: string; color: string; title: string } {
  if (!alerts.length) return { text: registry.text, color: '#c62828', title: registry.title };
  const overdue = alerts.filter((a) => a.kind === 'overdue').length;
  const soon = alerts.length - overdue;
  const parts = [overdue ? `пропущено сроков — ${overdue}` : '', soon ? `сроков на исходе — ${soon}` : ''].filter(Boolean);
  const tail = registry.text ? ` ${registry.title.replace(/^Отклик: (.)/, (_, c: string) => c.toUpperCase())}.` : '';
  return { text: String(alerts.length), color: overdue ? '#c62828' : '#e6a100', title: `Отклик: ${parts.join(', ')}.${tail}` };
}
