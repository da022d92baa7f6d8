import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseContext } from '@/lib/sites/types';

export const FIXTURES_DIR = join(__dirname, '../../fixtures');

/** Every fixture as "site/file.html". */
export function fixtureNames(): string[] {
  return ['vk', 'mvk', 'ok'].flatMap((site) =>
    readdirSync(join(FIXTURES_DIR, site))
      .filter((f) => f.endsWith('.html'))
      .map((f) => `${site}/${f}`),
  );
}

export function loadFixture(name: string): Document {
  const html = readFileSync(join(FIXTURES_DIR, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

export const OMSK = 'Asia/Omsk';

/** Where each fixture is served and the "now" its relative dates were written against (Omsk time). */
export const PAGES: Record<string, { url: string; now: number }> = {
  'vk/new-ui-post.html': { url: 'https://vk.com/wall-123456_1001', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'vk/new-ui-post-flat.html': { url: 'https://vk.ru/wall-123456_1101', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'vk/new-ui-wall.html': { url: 'https://vk.com/club123456', now: Date.parse('2025-05-13T10:00:00+06:00') },
  'vk/classic-wall.html': { url: 'https://vk.com/public123456', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'vk/classic-wall-extras.html': { url: 'https://vk.com/dgh_city', now: Date.parse('2025-05-13T10:00:00+06:00') },
  'vk/deleted-comment.html': { url: 'https://vk.com/wall-123456_2101', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'vk/new-ui-post-expanded.html': { url: 'https://vk.com/wall-123456_1201', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'vk/photo-layer.html': { url: 'https://vk.com/club123456?z=photo-123456_457239017%2Falbum-123456_00', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'vk/photo-page.html': { url: 'https://vk.com/photo-123456_457239017', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'vk/video-page.html': { url: 'https://vk.com/video-123456_456239017', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'vk/post-layer.html': { url: 'https://vk.com/club123456?w=wall-123456_1501', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'mvk/post.html': { url: 'https://m.vk.com/wall-123456_1301', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'mvk/wall.html': { url: 'https://m.vk.com/club123456', now: Date.parse('2025-05-13T10:00:00+06:00') },
  'ok/topic-attributes.html': { url: 'https://ok.ru/group/70000001234567/topic/155000000020', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'ok/topic.html': { url: 'https://ok.ru/group/70000001234567/topic/155000000001', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'ok/topic-variants.html': { url: 'https://ok.ru/gorodomsk/topic/155000000010', now: Date.parse('2025-05-07T13:00:00+06:00') },
  'ok/group-feed.html': { url: 'https://ok.ru/group/70000001234567', now: Date.parse('2025-05-13T10:00:00+06:00') },
};

export function contextFor(name: string): ParseContext {
  const page = PAGES[name];
  if (!page) throw new Error(`no page address for fixture ${name}`);
  return { url: page.url, now: page.now, timeZone: OMSK };
}
