/**
 * Browsers without Chrome's side panel API (Yandex Browser, other Chromium forks): the workspace page
 * opens in a window of its own, a side panel's width, and a second click brings the open one forward
 * instead of opening another.
 */
import { browser } from 'wxt/browser';

export const WORKSPACE_PATH = '/sidepanel.html';
const WIDTH = 420;
const HEIGHT = 860;

type Context = { contextType: string; documentUrl?: string; tabId: number; windowId: number };
type Runtime = { getContexts?: (filter: { contextTypes: string[] }) => Promise<Context[]> };

/** The tab showing the workspace page, if one is open (a side panel is not a tab and never counts). */
async function openWorkspaceTab(url: string): Promise<{ tabId: number; windowId: number } | null> {
  const runtime = browser.runtime as unknown as Runtime;
  // runtime.getContexts sees the extension's own tabs without the «tabs» permission (Chromium 116+).
  if (runtime.getContexts) {
    const found = (await runtime.getContexts({ contextTypes: ['TAB'] })).find((c) => c.documentUrl?.split(/[?#]/)[0] === url);
    return found ? { tabId: found.tabId, windowId: found.windowId } : null;
  }
  const [tab] = await browser.tabs.query({ url: `${url}*` });
  return tab?.id !== undefined ? { tabId: tab.id, windowId: tab.windowId ?? -1 } : null;
}

/** Opens the workspace (or brings it forward); `search` picks a tab or a message, as in the side panel's address. */
export async function openWorkspaceWindow(search = ''): Promise<boolean> {
  const url = browser.runtime.getURL(WORKSPACE_PATH);
  const open = await openWorkspaceTab(url);
  if (open) {
    await browser.tabs.update(open.tabId, { active: true, ...(search ? { url: url + search } : {}) });
    if (open.windowId >= 0) await browser.windows?.update(open.windowId, { focused: true });
    return true;
  }
  if (browser.windows?.create) await browser.windows.create({ url: url + search, type: 'popup', width: WIDTH, height: HEIGHT, focused: true });
  else await browser.tabs.create({ url: url + search });
  return true;
}
