import { mvkAdapter } from './mvk';
import { okAdapter } from './ok';
import type { SiteAdapter } from './types';
import { vkAdapter } from './vk';

export type * from './types';
export { parseRuDate } from './dates';
export { parsePageUrl, type UrlInfo } from './url';
export { mvkAdapter, okAdapter, vkAdapter };

// m.vk.com before vk.com: the mobile hosts are VK's too, with a markup of their own.
const ADAPTERS: readonly SiteAdapter[] = [mvkAdapter, vkAdapter, okAdapter];

/** The adapter for an address, or null on hosts the extension does not serve. */
export function adapterFor(url: string): SiteAdapter | null {
  return ADAPTERS.find((a) => a.matches(url)) ?? null;
}
