import { browser } from 'wxt/browser';
import { createHandlers } from '@/lib/background/handlers';
import { openDatabase } from '@/lib/db/schema';
import { createDispatcher } from '@/lib/messaging/server';
import { loadSettings } from '@/lib/settings/store';

export default defineBackground(() => {
  const db = openDatabase();
  const dispatch = createDispatcher(createHandlers({ db, settings: loadSettings }));

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Answer through sendResponse and keep the channel open: a returned Promise is not honoured everywhere.
    void dispatch(message, { url: sender.url, tabId: sender.tab?.id }).then(sendResponse);
    return true;
  });

  // Keyboard: jump between flagged comments on the active tab (keys set in the browser's shortcuts page).
  browser.commands.onCommand.addListener((command) => {
    const direction = command === 'next-flag' ? 1 : command === 'prev-flag' ? -1 : 0;
    if (!direction) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) void browser.tabs.sendMessage(tab.id, { otklik: 'jump', direction }).catch(() => undefined);
    });
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
