/** What the background does with each request. Kept apart from the entrypoint so tests can call it. */
import { browser } from 'wxt/browser';
import { recordSeen } from '../db/pages';
import { publicationsSeen } from '../publications/seen';
import { messageHandlers } from './messages';
import type { WorkClock } from '../worktime/clock';
import { pageStatus } from '../db/registry';
import { putDraft } from '../registry/draft';
import { entryFromPage } from '../registry/match';
import { recordFlagged } from '../db/flagged';
import { recordDeleted, recordNotViolation } from '../db/moderation';
import type { OtklikDB } from '../db/schema';
import type { Handlers } from '../protocol/server';
import { allow } from '../moderation/allowlist';
import type { Settings } from '../settings/defaults';
import { signer } from '../workflow/actor';
import { updateSettings } from '../settings/store';

export interface BackgroundDeps {
  db: OtklikDB;
  settings: () => Promise<Settings>;
  now?: () => number;
  /** Opens the workspace on the sender's tab (Chrome side panel, Firefox sidebar); false if it cannot. */
  openWorkspace?: (tabId: number | undefined) => Promise<boolean>;
  clock: () => Promise<WorkClock>;
  /** Opens the options page (for «⚙ Настройки» on a page). */
  openOptions?: () => Promise<void>;
}

/** "Who recorded it" in the log: the user's name from the options, else their role. */
export function createHandlers({
  db,
  settings,
  clock,
  now = Date.now,
  openWorkspace = async () => false,
  openOptions = () => browser.runtime.openOptionsPage(),
}: BackgroundDeps): Handlers {
  return {
    ...messageHandlers({ db, settings, clock, now }),
    'page/seen': async (data) => {
      const stored = await recordSeen(db, data, now());
      // Publications (App. 2 §9–§12) are a part apart: their failure never loses what the page showed.
      try {
        await publicationsSeen(db, data, signer(await settings()), now());
      } catch (e) {
        console.warn('Отклик: публикации не обновлены', e);
      }
      return stored;
    },
    'moderation/deleted': async ({ evidence, how }) => recordDeleted(db, evidence, how, signer(await settings()).name, now()),
    'moderation/flagged': async ({ items, cleared }) => recordFlagged(db, items, cleared, now()),
    'moderation/not-violation': async ({ evidence, scope, words }) => {
      await allow(scope === 'comment' ? { commentKey: evidence.commentKey } : { words });
      return { id: await recordNotViolation(db, evidence, scope, signer(await settings()).name, now()) };
    },
    'page/status': async ({ page, oldestSeenAt, scrolledPastMonday }) =>
      pageStatus(db, page, { oldestSeenAt, scrolledPastMonday }, now(), (await settings()).timeZone),
    'registry/draft': async ({ page }, sender) => {
      await putDraft(entryFromPage(page));
      return { opened: await openWorkspace(sender.tabId) };
    },
    'options/open': async () => {
      await openOptions();
      return { opened: true };
    },
    'settings/moderate-page': async ({ pageKey }) => {
      const result = await updateSettings((s) => ({
        ...s,
        moderation: { ...s.moderation, moderatedPages: [...new Set([...s.moderation.moderatedPages, pageKey])] },
      }));
      return { ok: result.ok };
    },
  };
}
