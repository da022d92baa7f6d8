import { okAdapter } from './ok';
import type { SiteAdapter } from './types';
import { vkAdapter } from './vk';

export type * from './types';
export { parseRuDate } from './dates';
export { parsePageUrl, type UrlInfo } from './url';
export { okAdapter, vkAdapter };

const ADAPTERS: readonly SiteAdapter[] = [vkAdapter, okAdapter];

/** The adapter for an address, or null on hosts the extension does not serve. */
export function adapterFor(url: string): SiteAdapter | null {
  return ADAPTERS.find((a) => a.matches(url)) ?? null;
}
