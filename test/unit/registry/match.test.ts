import { describe, expect, it } from 'vitest';
import { entryFromPage, entryPageKeys, findEntryForPage, normaliseUrl, ownerIdFromUrl } from '@/lib/registry/match';
import { validateEntry } from '@/lib/registry/schema';
import type { PageInfo } from '@/lib/sites/types';
import { entry } from './helpers';

describe('addresses', () => {
  it.each([
    ['https://vk.com/Club100/', 'vk.com/club100'],
    ['https://m.vk.ru/public100?from=groups#wall', 'vk.com/club100'],
    ['https://www.vk.com/gov_city', 'vk.com/gov_city'],
    ['https://m.ok.ru/group/55/', 'ok.ru/group/55'],
    ['not a url', null],
  ])('normaliseUrl(%s) → %s', (url, n) => {
    expect(normaliseUrl(url)).toBe(n);
  });

  it.each([
    ['https://vk.com/club100', '-100'],
    ['https://vk.com/event7', '-7'],
    ['https://vk.com/id42', '42'],
    ['https://vk.com/wall-9', '-9'],
    ['https://ok.ru/group/55', '55'],
    ['https://vk.com/gov_city', null],
  ])('ownerIdFromUrl(%s) → %s', (url, id) => {
    expect(ownerIdFromUrl(url)).toBe(id);
  });
});

describe('findEntryForPage', () => {
  const entries = [
    entry({ id: 'by-owner', url: 'https://vk.com/gov_city', ownerId: '-100' }),
    entry({ id: 'by-url', url: 'https://vk.com/culture_city', ownerId: null }),
    entry({ id: 'club-url', url: 'https://vk.com/club300', ownerId: null }),
    entry({ id: 'ok', site: 'ok', url: 'https://ok.ru/group/100', ownerId: '100' }),
  ];
  const page = (p: Partial<PageInfo>): PageInfo => ({ site: 'vk', url: 'https://vk.com/x', kind: 'wall', ownerId: null, name: null, ...p });

  it.each([
    ['the same owner id under another address', page({ url: 'https://vk.com/club100', ownerId: '-100' }), 'by-owner'],
    ['a post page of that owner', page({ url: 'https://vk.com/wall-100_5', kind: 'post', ownerId: '-100' }), 'by-owner'],
    ['the address when the owner is unknown', page({ url: 'https://vk.ru/Culture_City/' }), 'by-url'],
    ['the owner id the entry’s address spells', page({ url: 'https://vk.com/some_name', ownerId: '-300' }), 'club-url'],
    ['a post page whose wall link is known', page({ url: 'https://vk.com/wall-5_1', kind: 'post', ownerUrl: 'https://vk.com/culture_city' }), 'by-url'],
    ['the same id on the other site', page({ site: 'ok', url: 'https://ok.ru/group/100', ownerId: '100' }), 'ok'],
    ['a page not in the registry', page({ url: 'https://vk.com/other', ownerId: '-999' }), null],
    ['a VK id on OK', page({ site: 'ok', url: 'https://ok.ru/x', ownerId: '-100' }), null],
  ])('%s', (_, p, id) => {
    expect(findEntryForPage(entries, p)?.id ?? null).toBe(id);
  });
});

describe('entryFromPage', () => {
  it('fills in what the page told and leaves the rest to the user', () => {
    const draft = entryFromPage({ site: 'vk', url: 'https://vk.com/club100', kind: 'wall', ownerId: '-100', name: 'Администрация города Омска' }, 'new');
    expect(draft).toEqual({
      id: 'new', site: 'vk', url: 'https://vk.com/club100', ownerId: '-100', name: 'Администрация города Омска', kind: 'administration',
      department: '', responsible: '', twoFactorConfirmedAt: null, adminsReviewedAt: null, notes: '',
    });
    const r = validateEntry(draft);
    expect(r.ok ? [] : Object.keys(r.errors)).toEqual(['responsible']);
  });

  it.each([
    ['a VK post page: the community wall', { site: 'vk', url: 'https://vk.com/wall-7_1', kind: 'post', ownerId: '-7', name: 'Департамент культуры' }, 'https://vk.com/club7', 'department'],
    ['a post page with the wall link known', { site: 'vk', url: 'https://vk.com/wall-7_1', kind: 'post', ownerId: '-7', ownerUrl: 'https://vk.com/culture', name: null }, 'https://vk.com/culture', 'department'],
    ['an OK topic', { site: 'ok', url: 'https://ok.ru/group/5/topic/9', kind: 'topic', ownerId: '5', name: 'администрация округа' }, 'https://ok.ru/group/5', 'administration'],
  ] as const)('%s', (_, p, url, kind) => {
    const draft = entryFromPage(p as PageInfo, 'x');
    expect(draft.url).toBe(url);
    expect(draft.kind).toBe(kind);
  });

  it('gives the database keys the page’s posts may be filed under', () => {
    expect(entryPageKeys(entry({ ownerId: null, url: 'https://vk.com/club5' }))).toEqual(['vk:-5', 'vk:https://vk.com/club5']);
  });
});
