import { browser } from 'wxt/browser';
import { openDatabase } from '@/lib/db/schema';
import { recordSeen } from '@/lib/db/pages';
import { createDispatcher } from '@/lib/messaging/server';

export default defineBackground(() => {
  const db = openDatabase();
  const dispatch = createDispatcher({
    'page/seen': (data) => recordSeen(db, data, Date.now()),
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Answer through sendResponse and keep the channel open: a returned Promise is not honoured everywhere.
    void dispatch(message, { url: sender.url, tabId: sender.tab?.id }).then(sendResponse);
    return true;
  });

  // The toolbar button opens the workspace: Chrome's side panel, Firefox's sidebar.
  if (import.meta.env.BROWSER !== 'firefox') {
    const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
    void sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  } else {
    browser.action.onClicked.addListener(() => {
      void (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
    });
  }
});
