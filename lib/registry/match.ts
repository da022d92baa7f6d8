/** Which registry entry a page the user opened is, and a draft entry from what was read on it. */
import type { PageInfo } from '../sites/types';
import { baseHost, type RegistryEntry, type RegistryEntryInput, type RegistryKind } from './entry';

function parseUrl(value: string): URL | null {
  try {
    return new URL(value.trim());
  } catch {
    return null;
  }
}

/**
 * One spelling for one page: vk.ru is vk.com, www./m. dropped, club/public/event are the same VK
 * community, case and trailing slashes ignored; query and fragment dropped. "vk.com/club123".
 */
export function normaliseUrl(value: string): string | null {
  const u = parseUrl(value);
  if (!u) return null;
  let host = baseHost(u.hostname);
  if (host === 'vk.ru') host = 'vk.com';
  let path = u.pathname.toLowerCase().replace(/\/+$/, '');
  if (host === 'vk.com') path = path.replace(/^\/(?:public|event)(\d+)$/, '/club$1');
  return host + path;
}

/** The owner id an address spells out (vk.com/club123 → "-123", ok.ru/group/55 → "55"), else null. */
export function ownerIdFromUrl(value: string): string | null {
  const n = normaliseUrl(value);
  if (!n) return null;
  let m = /^vk\.com\/club(\d+)$/.exec(n);
  if (m) return `-${m[1]}`;
  m = /^vk\.com\/id(\d+)$/.exec(n) ?? /^vk\.com\/wall(-?\d+)$/.exec(n);
  if (m) return m[1] === '0' ? null : m[1];
  m = /^ok\.ru\/(?:group|profile)\/(\d+)$/.exec(n);
  return m ? m[1] : null;
}

function wallUrl(site: PageInfo['site'], ownerId: string | null): string | null {
  if (ownerId === null || !/^-?\d+$/.test(ownerId)) return null;
  if (site === 'vk') return ownerId.startsWith('-') ? `https://vk.com/club${ownerId.slice(1)}` : `https://vk.com/id${ownerId}`;
  return `https://ok.ru/group/${ownerId}`;
}

/** Pages named «Администрация …» are the administration's own; anything else is a department's until the user says otherwise. */
export function guessKind(name: string | null): RegistryKind {
  return name && /^\s*администрац/i.test(name) ? 'administration' : 'department';
}

/** A draft for «Добавить в реестр»: what the page told, the rest left for the user to fill in. */
export function entryFromPage(page: PageInfo, id: string = crypto.randomUUID()): RegistryEntryInput {
  const url = page.kind === 'wall' ? page.url : (page.ownerUrl ?? wallUrl(page.site, page.ownerId) ?? page.url);
  return {
    id,
    site: page.site,
    url,
    ownerId: page.ownerId,
    name: page.name?.trim() ?? '',
    kind: guessKind(page.name),
    department: '',
    responsible: '',
    twoFactorConfirmedAt: null,
    adminsReviewedAt: null,
    notes: '',
  };
}

function entryOwner(e: Pick<RegistryEntry, 'ownerId' | 'url'>): string | null {
  return e.ownerId ?? ownerIdFromUrl(e.url);
}

/** The entry of the page: by site and owner id when both are known, else by the normalised address. */
export function findEntryForPage<E extends Pick<RegistryEntry, 'site' | 'ownerId' | 'url'>>(
  entries: readonly E[],
  page: Pick<PageInfo, 'site' | 'ownerId' | 'url' | 'kind'> & { ownerUrl?: string | null },
): E | null {
  const sameSite = entries.filter((e) => e.site === page.site);
  const pageOwner = page.ownerId ?? (page.kind === 'wall' ? ownerIdFromUrl(page.url) : null);
  if (pageOwner !== null) {
    const byOwner = sameSite.find((e) => entryOwner(e) === pageOwner);
    if (byOwner) return byOwner;
  }
  const addresses = [page.ownerUrl, page.kind === 'wall' ? page.url : null]
    .filter((u): u is string => !!u)
    .map(normaliseUrl)
    .filter((u): u is string => u !== null);
  return sameSite.find((e) => {
    const n = normaliseUrl(e.url);
    return n !== null && addresses.includes(n);
  }) ?? null;
}

/**
 * The keys the database may file the page's posts under (PageRecord.key: `${site}:${ownerId}` when
 * the owner is known, else `${site}:${url}`).
 */
export function entryPageKeys(e: Pick<RegistryEntry, 'site' | 'ownerId' | 'url'>): string[] {
  const owner = entryOwner(e);
  return [...(owner !== null ? [`${e.site}:${owner}`] : []), `${e.site}:${e.url}`];
}

/** Two entries for the same page (same site and owner, or the same address). */
export function samePage(a: Pick<RegistryEntry, 'site' | 'ownerId' | 'url'>, b: Pick<RegistryEntry, 'site' | 'ownerId' | 'url'>): boolean {
  if (a.site !== b.site) return false;
  const ao = entryOwner(a);
  const bo = entryOwner(b);
  if (ao !== null && bo !== null) return ao === bo;
  const an = normaliseUrl(a.url);
  return an !== null && an === normaliseUrl(b.url);
}
