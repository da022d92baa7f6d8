import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { finishInterruptedRestore } from '@/lib/backup/restore';
import { createHandlers } from '@/lib/background/handlers';
import { servePagePort } from '@/lib/background/page-port';
import { badgeCount, badgeView, DEADLINE_ALARM, deadlineAlerts, type DeadlineAlert, nextQuotaReminder, QUOTA_ALARM, quotaNotices } from '@/lib/background/reminders';
import { summariesDueBefore } from '@/lib/db/messages';
import { listRegistry } from '@/lib/db/registry';
import { openDatabase } from '@/lib/db/schema';
import { createDispatcher } from '@/lib/protocol/server';
import { wsconnect } from '@nats-io/nats-core';
import { syncController } from '@/lib/background/sync';
import { TEAM_SECRET_KEY, TEAM_SERVER_KEY } from '@/lib/sync/config';
import { TEAM_OUTBOX_KEY } from '@/lib/moderation/allowlist';
import { publishBuiltinLexicons } from '@/lib/settings/builtin-lexicon';
import { loadSettings } from '@/lib/settings/item';
import { cachedClock } from '@/lib/settings/worktime';
import { openWorkspaceWindow } from '@/lib/background/workspace-window';

type ChromeSidePanel = { open(o: { tabId?: number; windowId?: number }): Promise<void>; setPanelBehavior(o: object): Promise<void> };
type FirefoxSidebar = { open(): Promise<void> };

export default defineBackground(() => {
  // The content scripts' word lists: into storage at install, update and start, not into their bundle.
  void publishBuiltinLexicons().catch((e) => console.error('Отклик: словари для страниц не записаны', e));
  const db = openDatabase();
  // A restore cut short (the options page closed mid-way): its settings put back, unless one is running.
  void finishInterruptedRestore(db, browser.storage.local).catch((e) => console.error('Отклик: прерванное восстановление не отменено', e));
  const sidePanel = (browser as unknown as { sidePanel?: ChromeSidePanel }).sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;

  async function openWorkspace(tabId: number | undefined): Promise<boolean> {
    try {
      if (import.meta.env.BROWSER === 'firefox') await sidebar?.open();
      else if (sidePanel) await sidePanel.open({ tabId });
      else return await openWorkspaceWindow();
      return true;
    } catch {
      // Outside a user gesture the browser refuses; the page then says where to find the form.
      return false;
    }
  }

  const dispatch = createDispatcher(createHandlers({ db, settings: loadSettings, clock: cachedClock, openWorkspace }));
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Answer through sendResponse and keep the channel open: a returned Promise is not honoured everywhere.
    void dispatch(message, { url: sender.url, tabId: sender.tab?.id }).then(sendResponse);
    return true;
  });
  // The pages' port: what they saw and what moderators deleted, kept even when the tab closes at once.
  servePagePort(dispatch);

  const NOTIFIED_KEY = 'notifiedDeadlines';

  /**
   * The badge: deadlines the user owns that are due within 30 working minutes or missed, else the
   * registry's overdue protection checks. A deadline crossing into either gets one notification.
   */
  async function refreshBadge() {
    const settings = await loadSettings();
    const now = Date.now();
    // 30 working minutes are never more than a long holiday away in calendar time: 15 days covers it.
    const alerts = deadlineAlerts(await summariesDueBefore(db, now + 15 * 86_400_000), settings, now, await cachedClock());
    const registry = await badgeCount(db, now, settings.timeZone);
    // Each surface on its own: a badge the browser refuses must not keep the notifications unsent.
    await showBadge(alerts, registry).catch((e) => console.error('Отклик: значок не обновлён', e));
    await notify(alerts).catch((e) => console.error('Отклик: уведомления не показаны', e));
  }

  async function showBadge(alerts: DeadlineAlert[], registry: { text: string; title: string }) {
    const view = badgeView(alerts, registry);
    await browser.action.setBadgeText({ text: view.text });
    await browser.action.setBadgeBackgroundColor({ color: view.color });
    await browser.action.setTitle({ title: view.title });
  }

  async function notify(alerts: DeadlineAlert[]) {
    const notified = new Set(((await browser.storage.local.get(NOTIFIED_KEY))[NOTIFIED_KEY] as string[] | undefined) ?? []);
    for (const a of alerts) {
      if (notified.has(a.key)) continue;
      await browser.notifications.create(a.key, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: a.title, message: a.message });
      notified.add(a.key);
    }
    await browser.storage.local.set({ [NOTIFIED_KEY]: [...notified].slice(-2000) });
  }
  // Any change of the queue recounts the badge — at most once a second: a team log catching up
  // changes thousands of rows in a burst, and each recount reads the whole queue.
  let badgeTimer: ReturnType<typeof setTimeout> | null = null;
  const badgeSoon = () => {
    if (badgeTimer) return;
    badgeTimer = setTimeout(() => {
      badgeTimer = null;
      void refreshBadge();
    }, 1000);
  };
  liveQuery(() => db.summaries.count()).subscribe({ next: badgeSoon });
  void browser.alarms.create(DEADLINE_ALARM, { periodInMinutes: 1 });
  liveQuery(() => listRegistry(db)).subscribe({ next: () => void refreshBadge() });
  // A new role, department or schedule changes whose deadlines these are: recount at once.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ('settings' in changes || 'worktime' in changes || 'calendarYears' in changes)) void refreshBadge();
  });

  async function scheduleReminder() {
    const when = nextQuotaReminder(Date.now(), (await loadSettings()).timeZone);
    await browser.alarms.create(QUOTA_ALARM, { when });
  }
  void browser.alarms.get(QUOTA_ALARM).then((a) => (a ? undefined : scheduleReminder()));
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === DEADLINE_ALARM) return refreshBadge();
    if (alarm.name !== QUOTA_ALARM) return;
    const zone = (await loadSettings()).timeZone;
    for (const n of await quotaNotices(db, Date.now(), zone)) {
      await browser.notifications.create(n.id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: n.title, message: n.message });
    }
    await scheduleReminder();
  });

  // Team sync: only with a server configured (and its host permission granted); else no request at all.
  const sync = syncController({
    db,
    settings: loadSettings,
    clock: cachedClock,
    connect: (o) => wsconnect({ ...o, maxReconnectAttempts: -1, reconnectTimeWait: 2000 }),
  });
  void sync.apply();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (TEAM_SERVER_KEY in changes || TEAM_SECRET_KEY in changes || 'settings' in changes)) void sync.apply();
    // A «Не нарушение» or the team's word lists changed here: share it.
    if (area === 'local' && TEAM_OUTBOX_KEY in changes) sync.kick();
  });
  browser.permissions?.onAdded?.addListener(() => void sync.apply());
  // A local act waits in the outbox (whoever wrote it: this worker or a page): send it.
  liveQuery(() => db.outbox.count()).subscribe({ next: () => sync.kick() });
  liveQuery(() => db.pubOutbox.count()).subscribe({ next: () => sync.kick() });
  // A new moderation log entry: the team's moderators get it (lib/moderation/team).
  liveQuery(() => db.moderation.count()).subscribe({ next: () => sync.kick() });

  // First run: the options page opens on its «Кто вы?» step (role, name, department, time zone).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });

  // Keyboard: jump between flagged comments on the active tab (keys set in the browser's shortcuts page).
  browser.commands.onCommand.addListener((command) => {
    const direction = command === 'next-flag' ? 1 : command === 'prev-flag' ? -1 : 0;
    if (!direction) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) void browser.tabs.sendMessage(tab.id, { otklik: 'jump', direction }).catch(() => undefined);
    });
  });

  // The toolbar button (and Alt+Shift+O) opens the workspace: Chrome's side panel, Firefox's sidebar,
  // or its own window where the browser has no side panel API (Yandex Browser, other forks).
  if (import.meta.env.BROWSER !== 'firefox') {
    if (sidePanel) void sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    else browser.action.onClicked.addListener(() => void openWorkspaceWindow());
  } else {
    browser.action.onClicked.addListener(() => void sidebar?.open());
  }
});
