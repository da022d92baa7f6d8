import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { parsePageUrl } from '@/lib/sites/url';

type Row = [url: string, site: 'vk' | 'ok', kind: string, ownerId: string | null, postId: string | null, canonical: string];

const ROWS: Row[] = [
  // VK community walls: owner id is negative
  ['https://vk.com/club123456', 'vk', 'wall', '-123456', null, 'https://vk.com/club123456'],
  ['https://vk.com/public123456', 'vk', 'wall', '-123456', null, 'https://vk.com/public123456'],
  ['https://vk.com/event123456', 'vk', 'wall', '-123456', null, 'https://vk.com/event123456'],
  ['https://vk.com/id111', 'vk', 'wall', '111', null, 'https://vk.com/id111'],
  // a short name: a wall whose owner the address does not tell
  ['https://vk.com/gov_city', 'vk', 'wall', null, null, 'https://vk.com/gov_city'],
  ['https://vk.com/gov.city55', 'vk', 'wall', null, null, 'https://vk.com/gov.city55'],
  ['https://vk.com/wall-123456?own=1', 'vk', 'wall', '-123456', null, 'https://vk.com/wall-123456'],
  ['https://vk.com/wall-123456_1001', 'vk', 'post', '-123456', '-123456_1001', 'https://vk.com/wall-123456_1001'],
  ['https://vk.com/wall-123456_1001?reply=1002&thread=1002', 'vk', 'post', '-123456', '-123456_1001', 'https://vk.com/wall-123456_1001'],
  ['https://vk.com/wall111_5', 'vk', 'post', '111', '111_5', 'https://vk.com/wall111_5'],
  // a post opened as a layer over a wall or the feed
  ['https://vk.com/club123456?w=wall-123456_1001', 'vk', 'post', '-123456', '-123456_1001', 'https://vk.com/wall-123456_1001'],
  ['https://vk.com/feed?w=wall-123456_1001', 'vk', 'post', '-123456', '-123456_1001', 'https://vk.com/wall-123456_1001'],
  ['https://vk.com/gov_city?w=wall-123456_1001', 'vk', 'post', '-123456', '-123456_1001', 'https://vk.com/wall-123456_1001'],
  // other sections
  ['https://vk.com/feed', 'vk', 'other', null, null, 'https://vk.com/feed'],
  ['https://vk.com/im', 'vk', 'other', null, null, 'https://vk.com/im'],
  ['https://vk.com/im?sel=111', 'vk', 'other', null, null, 'https://vk.com/im'],
  ['https://vk.com/groups', 'vk', 'other', null, null, 'https://vk.com/groups'],
  // a photo or a video at its own address: its comments are the page's, as a post's
  ['https://vk.com/photo-123456_457239017', 'vk', 'post', '-123456', 'photo-123456_457239017', 'https://vk.com/photo-123456_457239017'],
  ['https://vk.com/photo111_457239017?rev=1', 'vk', 'post', '111', 'photo111_457239017', 'https://vk.com/photo111_457239017'],
  ['https://vk.com/video-123456_456239017', 'vk', 'post', '-123456', 'video-123456_456239017', 'https://vk.com/video-123456_456239017'],
  ['https://m.vk.com/video-123456_456239017?list=ln-1', 'vk', 'post', '-123456', 'video-123456_456239017', 'https://vk.com/video-123456_456239017'],
  // …in a layer over a page that is not a wall; over a wall, the wall stays the page (its posts are seen)
  ['https://vk.com/feed?z=photo-123456_457239017%2Falbum-123456_00', 'vk', 'post', '-123456', 'photo-123456_457239017', 'https://vk.com/photo-123456_457239017'],
  ['https://vk.com/?z=video-123456_456239017', 'vk', 'post', '-123456', 'video-123456_456239017', 'https://vk.com/video-123456_456239017'],
  ['https://vk.com/album-123456_00?z=photo-123456_457239017%2Falbum-123456_00', 'vk', 'post', '-123456', 'photo-123456_457239017', 'https://vk.com/photo-123456_457239017'],
  ['https://vk.com/club123456?z=photo-123456_457239017%2Falbum-123456_00', 'vk', 'wall', '-123456', null, 'https://vk.com/club123456'],
  ['https://vk.com/video-123456_456239017/extra', 'vk', 'other', null, null, 'https://vk.com/video-123456_456239017/extra'],
  ['https://vk.com/photos-123456', 'vk', 'other', null, null, 'https://vk.com/photos-123456'],
  ['https://vk.com/topic-123456_4000', 'vk', 'other', null, null, 'https://vk.com/topic-123456_4000'],
  ['https://vk.com/', 'vk', 'other', null, null, 'https://vk.com/'],
  ['https://vk.com/club123456/about', 'vk', 'other', null, null, 'https://vk.com/club123456/about'],
  // mobile and the .ru domain: same pages, canonical on vk.com
  ['https://m.vk.com/club123456', 'vk', 'wall', '-123456', null, 'https://vk.com/club123456'],
  ['https://m.vk.com/wall-123456_1001?reply=1002', 'vk', 'post', '-123456', '-123456_1001', 'https://vk.com/wall-123456_1001'],
  ['https://m.vk.com/feed', 'vk', 'other', null, null, 'https://vk.com/feed'],
  ['https://vk.ru/gov_city', 'vk', 'wall', null, null, 'https://vk.com/gov_city'],
  ['https://vk.ru/wall-123456_1001', 'vk', 'post', '-123456', '-123456_1001', 'https://vk.com/wall-123456_1001'],
  ['https://m.vk.ru/public123456', 'vk', 'wall', '-123456', null, 'https://vk.com/public123456'],
  ['https://www.vk.com/club123456', 'vk', 'wall', '-123456', null, 'https://vk.com/club123456'],
  // OK
  ['https://ok.ru/group/70000001234567', 'ok', 'wall', '70000001234567', null, 'https://ok.ru/group/70000001234567'],
  ['https://ok.ru/group/70000001234567/', 'ok', 'wall', '70000001234567', null, 'https://ok.ru/group/70000001234567'],
  ['https://ok.ru/group/70000001234567/topics', 'ok', 'wall', '70000001234567', null, 'https://ok.ru/group/70000001234567'],
  ['https://ok.ru/group/70000001234567/topic/155000000001', 'ok', 'topic', '70000001234567', '155000000001', 'https://ok.ru/group/70000001234567/topic/155000000001'],
  ['https://ok.ru/group/70000001234567/topic/155000000001?utm_source=share', 'ok', 'topic', '70000001234567', '155000000001', 'https://ok.ru/group/70000001234567/topic/155000000001'],
  ['https://ok.ru/group70000001234567', 'ok', 'wall', '70000001234567', null, 'https://ok.ru/group/70000001234567'],
  ['https://ok.ru/gorodomsk', 'ok', 'wall', null, null, 'https://ok.ru/gorodomsk'],
  ['https://ok.ru/gorodomsk/topic/155000000010', 'ok', 'topic', null, '155000000010', 'https://ok.ru/gorodomsk/topic/155000000010'],
  ['https://ok.ru/gorodomsk/topics', 'ok', 'wall', null, null, 'https://ok.ru/gorodomsk'],
  ['https://ok.ru/group/70000001234567/members', 'ok', 'other', '70000001234567', null, 'https://ok.ru/group/70000001234567/members'],
  ['https://ok.ru/group/70000001234567/album/1', 'ok', 'other', '70000001234567', null, 'https://ok.ru/group/70000001234567/album/1'],
  ['https://ok.ru/profile/590000000001', 'ok', 'wall', '590000000001', null, 'https://ok.ru/profile/590000000001'],
  ['https://ok.ru/profile/590000000001/statuses/155000000077', 'ok', 'topic', '590000000001', '155000000077', 'https://ok.ru/profile/590000000001/statuses/155000000077'],
  ['https://ok.ru/feed', 'ok', 'other', null, null, 'https://ok.ru/feed'],
  ['https://ok.ru/messages/590000000001', 'ok', 'other', null, null, 'https://ok.ru/messages/590000000001'],
  ['https://ok.ru/', 'ok', 'other', null, null, 'https://ok.ru/'],
  ['https://m.ok.ru/group/70000001234567/topic/155000000001', 'ok', 'topic', '70000001234567', '155000000001', 'https://ok.ru/group/70000001234567/topic/155000000001'],
  ['https://m.ok.ru/group/70000001234567', 'ok', 'wall', '70000001234567', null, 'https://ok.ru/group/70000001234567'],
  ['https://m.ok.ru/feed', 'ok', 'other', null, null, 'https://ok.ru/feed'],
];

describe('parsePageUrl', () => {
  it.each(ROWS)('%s → %s %s owner %s post %s', (url, site, kind, ownerId, postId, canonical) => {
    expect(parsePageUrl(url)).toMatchObject({ site, kind, ownerId, postId, url: canonical });
  });

  it.each([
    'https://example.com/club123456',
    'https://vk.com.evil.example/club123456',
    'https://notvk.com/club123456',
    'https://vkontakte.ru/club123456',
    'https://ok.ru.example/group/1',
    'ftp://vk.com/club123456',
    'not a url',
    '',
  ])('%s → null', (url) => {
    expect(parsePageUrl(url)).toBeNull();
  });
});

describe('adapterFor', () => {
  it.each([
    ['https://vk.com/club123456', 'vk'],
    ['https://m.vk.com/wall-123456_1001', 'vk'],
    ['https://vk.ru/feed', 'vk'],
    ['https://ok.ru/group/70000001234567', 'ok'],
    ['https://m.ok.ru/feed', 'ok'],
    ['https://example.com/', null],
  ])('%s → %s', (url, site) => {
    expect(adapterFor(url)?.site ?? null).toBe(site);
  });
});
