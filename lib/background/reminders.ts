/**
 * The toolbar badge and the reminders: overdue protection checks (App. 2 §6) on the badge, and on
 * Thursday at noon a notification for each registered page behind its weekly pace (App. 2 §10).
 */
import { behindPace } from '../quota/summary';
import { daysLeftText, weekLine } from '../quota/text';
import { isoDateIn, nextThursdayNoon } from '../quota/week';
import { quotaRows, listRegistry } from '../db/registry';
import type { OtklikDB } from '../db/schema';
import { overdueCount } from '../registry/protection';

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

/** One notice a registered page behind its pace this week; an incomplete count says so. */
export async function quotaNotices(db: OtklikDB, now: number, zone: string): Promise<Notice[]> {
  const rows = await quotaRows(db, now, zone, 1);
  return rows
    .filter((r) => !r.summary.met && (!r.summary.complete || behindPace(r.summary, now)))
    .map((r) => ({
      id: `quota:${r.entry.id}`,
      title: `Публикации: ${r.entry.name}`,
      message: r.summary.complete
        ? `${weekLine(r.summary)} · ${daysLeftText(r.summary.daysLeft)}`
        : `${weekLine(r.summary)}. Счёт может быть неполным: откройте стену и прокрутите её до понедельника.`,
    }));
}

export function nextQuotaReminder(now: number, zone: string): number {
  return nextThursdayNoon(now, zone);
}
