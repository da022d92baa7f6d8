import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import type { PageInfo, ParsedPost } from '@/lib/sites/types';
import { contextFor, fixtureNames, loadFixture } from './fixtures';

const omsk = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+06:00`);

const PAGES: Record<string, PageInfo> = {
  'vk/new-ui-post.html': { site: 'vk', url: 'https://vk.com/wall-123456_1001', kind: 'post', ownerId: '-123456', name: 'Администрация города', ownerUrl: 'https://vk.com/gov_city', postId: '-123456_1001' },
  'vk/new-ui-post-flat.html': { site: 'vk', url: 'https://vk.com/wall-123456_1101', kind: 'post', ownerId: '-123456', name: 'Администрация города', ownerUrl: 'https://vk.com/gov_city', postId: '-123456_1101' },
  'vk/new-ui-wall.html': { site: 'vk', url: 'https://vk.com/club123456', kind: 'wall', ownerId: '-123456', name: 'Администрация города', ownerUrl: 'https://vk.com/gov_city', postId: null },
  'vk/classic-wall.html': { site: 'vk', url: 'https://vk.com/public123456', kind: 'wall', ownerId: '-123456', name: 'Департамент городского хозяйства', ownerUrl: 'https://vk.com/dgh_city', postId: null },
  // served at a short name: the owner id comes from the page's own posts
  'vk/classic-wall-extras.html': { site: 'vk', url: 'https://vk.com/dgh_city', kind: 'wall', ownerId: '-123456', name: 'Департамент городского хозяйства', ownerUrl: 'https://vk.com/dgh_city', postId: null },
  'vk/deleted-comment.html': { site: 'vk', url: 'https://vk.com/wall-123456_2101', kind: 'post', ownerId: '-123456', name: 'Департамент городского хозяйства', ownerUrl: 'https://vk.com/dgh_city', postId: '-123456_2101' },
  'vk/new-ui-post-expanded.html': { site: 'vk', url: 'https://vk.com/wall-123456_1201', kind: 'post', ownerId: '-123456', name: 'Администрация города', ownerUrl: 'https://vk.com/gov_city', postId: '-123456_1201' },
  // m.vk.com: the page's address on vk.com; the name from the owner's post (the title is the post's words)
  'mvk/post.html': { site: 'vk', url: 'https://vk.com/wall-123456_1301', kind: 'post', ownerId: '-123456', name: 'Администрация города', ownerUrl: 'https://vk.com/gov_city', postId: '-123456_1301' },
  'mvk/wall.html': { site: 'vk', url: 'https://vk.com/club123456', kind: 'wall', ownerId: '-123456', name: 'Администрация города', ownerUrl: 'https://vk.com/gov_city', postId: null },
  'ok/topic-attributes.html': { site: 'ok', url: 'https://ok.ru/group/70000001234567/topic/155000000020', kind: 'topic', ownerId: '70000001234567', name: 'Администрация города', ownerUrl: 'https://ok.ru/group/70000001234567', postId: '155000000020' },
  // a photo's layer over the wall: the page is still the wall
  'vk/photo-layer.html': { site: 'vk', url: 'https://vk.com/club123456', kind: 'wall', ownerId: '-123456', name: 'Администрация города', ownerUrl: 'https://vk.com/gov_city', postId: null },
  // a photo or a video at its own address: the item is the page's post; its title is not the page's name
  'vk/photo-page.html': { site: 'vk', url: 'https://vk.com/photo-123456_457239017', kind: 'post', ownerId: '-123456', name: null, ownerUrl: 'https://vk.com/club123456', postId: 'photo-123456_457239017' },
  'vk/video-page.html': { site: 'vk', url: 'https://vk.com/video-123456_456239017', kind: 'post', ownerId: '-123456', name: null, ownerUrl: 'https://vk.com/club123456', postId: 'video-123456_456239017' },
  // a post in a layer over the wall: the post is the page
  'vk/post-layer.html': { site: 'vk', url: 'https://vk.com/wall-123456_1501', kind: 'post', ownerId: '-123456', name: 'Администрация города', ownerUrl: 'https://vk.com/gov_city', postId: '-123456_1501' },
  'ok/topic.html': { site: 'ok', url: 'https://ok.ru/group/70000001234567/topic/155000000001', kind: 'topic', ownerId: '70000001234567', name: 'Администрация города', ownerUrl: 'https://ok.ru/group/70000001234567', postId: '155000000001' },
  // served at a short name: the owner id comes from the topic's author block
  'ok/topic-variants.html': { site: 'ok', url: 'https://ok.ru/gorodomsk/topic/155000000010', kind: 'topic', ownerId: '70000001234567', name: 'Администрация города', ownerUrl: 'https://ok.ru/gorodomsk', postId: '155000000010' },
  'ok/group-feed.html': { site: 'ok', url: 'https://ok.ru/group/70000001234567', kind: 'wall', ownerId: '70000001234567', name: 'Администрация города', ownerUrl: 'https://ok.ru/group/70000001234567', postId: null },
};

type Row = Pick<ParsedPost, 'id' | 'ownerId' | 'authorId' | 'authorName' | 'publishedAt' | 'text' | 'pinned' | 'foreign' | 'repost'>;
const GOV = { ownerId: '-123456', authorId: '-123456', authorName: 'Администрация города' };
const DGH = { ownerId: '-123456', authorId: '-123456', authorName: 'Департамент городского хозяйства' };
const OKG = { ownerId: '70000001234567', authorId: '70000001234567', authorName: 'Администрация города' };
const plain = { pinned: false, foreign: false, repost: false };

const POSTS: Record<string, Row[]> = {
  'vk/new-ui-post.html': [
    { id: '-123456_1001', ...GOV, ...plain, publishedAt: omsk('2025-05-05 10:00'),
      text: 'С 12 по 14 мая на улицах Ленина и Гагарина отключат горячую воду для плановой опрессовки. Адреса — в карточках.' },
  ],
  'vk/new-ui-post-flat.html': [
    { id: '-123456_1101', ...GOV, ...plain, publishedAt: omsk('2025-05-07 08:00'), text: 'Запись на приём к главе.\nТелефон горячей линии: 8 800 000-00-00' },
  ],
  'vk/new-ui-wall.html': [
    { id: '-123456_900', ...GOV, ...plain, pinned: true, publishedAt: omsk('2024-10-30 00:00'),
      text: 'Запись закреплена. Как подать обращение: телефон горячей линии, адреса приёмных.' },
    { id: '-123456_1010', ...GOV, ...plain, publishedAt: omsk('2025-05-12 18:30'), text: 'Субботник в сквере Дружбы: приходите с семьёй!' },
    // the page's repost counts once, as the page's post; the copied post -777_55 is not listed
    { id: '-123456_1009', ...GOV, ...plain, repost: true, publishedAt: omsk('2025-05-12 09:05'), text: 'Репост новости партнёров:' },
    { id: '-99999_77', ownerId: '-99999', authorId: '-99999', authorName: 'Магазин техники', ...plain, foreign: true, publishedAt: null, text: 'Скидки на телевизоры до 50%' },
    { id: '-123456_1008', ...GOV, ...plain, publishedAt: omsk('2025-05-11 14:00'), text: 'Итоги приёма граждан за неделю.' },
    { id: '-123456_1007', ...GOV, ...plain, publishedAt: omsk('2025-05-09 10:00'), text: 'С Днём Победы!' },
    { id: '-123456_1006', ...GOV, ...plain, publishedAt: omsk('2025-05-05 10:00'), text: 'График отключения горячей воды.' },
    { id: '-123456_1005', ...GOV, ...plain, publishedAt: omsk('2025-05-04 16:20'), text: 'Опрос: где поставить новую детскую площадку?' },
  ],
  'vk/classic-wall.html': [
    { id: '-123456_2001', ...DGH, ...plain, publishedAt: 1746435600000, text: 'Начали ямочный ремонт на проспекте Мира.' },
    { id: '-123456_1999', ...DGH, ...plain, publishedAt: 1746349200000, text: 'Расписание вывоза крупногабаритного мусора на май.' },
    { id: '-123456_1990', ...DGH, ...plain, publishedAt: omsk('2025-04-30 11:00'), text: 'Поздравляем с Праздником Весны и Труда!' },
  ],
  'vk/classic-wall-extras.html': [
    { id: '-123456_1500', ...DGH, ...plain, pinned: true, publishedAt: omsk('2025-01-12 00:00'), text: 'Правила обращений в сообществе.' },
    { id: '-123456_2010', ...DGH, ...plain, repost: true, publishedAt: 1746950400000, text: 'Делимся новостью партнёров.' },
    { id: '-99999_77', ownerId: '-99999', authorId: '-99999', authorName: 'Магазин техники', ...plain, foreign: true, publishedAt: null, text: 'Скидки на телевизоры до 50%' },
    { id: '-123456_2009', ...DGH, ...plain, publishedAt: 1746864000000, text: 'Итоги недели.' },
  ],
  'vk/deleted-comment.html': [
    { id: '-123456_2101', ...DGH, ...plain, publishedAt: 1746594000000, text: 'Отключение света на улице Лермонтова\nс 10:00 до 14:00.' },
  ],
  // the expanded text (showmoretext-in-expanded) is read like the collapsed one
  'vk/new-ui-post-expanded.html': [
    { id: '-123456_1201', ...GOV, ...plain, publishedAt: omsk('2025-05-07 09:10'),
      text: 'График приёма граждан в мае.\nПонедельник и среда — с 9:00 до 13:00, пятница — с 14:00 до 17:00. Запись по телефону горячей линии.' },
  ],
  'mvk/post.html': [
    { id: '-123456_1301', ...GOV, ...plain, publishedAt: omsk('2025-05-07 08:00'), text: 'Плановое отключение электроэнергии на улице Лермонтова\n8 мая с 10:00 до 16:00.' },
  ],
  'mvk/wall.html': [
    { id: '-123456_1012', ...GOV, ...plain, publishedAt: omsk('2025-05-13 09:10'), text: 'Приём граждан переносится на четверг.' },
    { id: '-123456_1011', ...GOV, ...plain, publishedAt: omsk('2025-05-12 15:00'), text: 'Итоги субботника в сквере Дружбы.' },
    { id: '-99999_77', ownerId: '-99999', authorId: '-99999', authorName: 'Магазин техники', ...plain, foreign: true, publishedAt: null, text: 'Скидки на телевизоры до 50%' },
    { id: '-123456_1004', ...GOV, ...plain, publishedAt: omsk('2025-05-06 10:00'), text: 'Опрос: где поставить новую детскую площадку?' },
  ],
  'ok/topic-attributes.html': [
    { id: '155000000020', ...OKG, ...plain, publishedAt: omsk('2025-05-06 08:00'), text: 'Капитальный ремонт крыш: график на май.' },
  ],
  'vk/photo-layer.html': [
    { id: '-123456_1020', ...GOV, ...plain, publishedAt: 1746590400000, text: 'Фотоотчёт с открытия набережной.' },
  ],
  'vk/photo-page.html': [],
  'vk/video-page.html': [],
  // the wall's posts under the layer, and the layer's copy of the open one
  'vk/post-layer.html': [
    { id: '-123456_1500', ...GOV, ...plain, publishedAt: omsk('2025-05-06 18:00'), text: 'Итоги субботника: вывезено 40 тонн мусора.' },
    { id: '-123456_1501', ...GOV, ...plain, publishedAt: omsk('2025-05-07 09:10'), text: 'Перекрытие улицы Ленина 8 мая с 10:00 до 14:00.' },
    { id: '-123456_1501', ...GOV, ...plain, publishedAt: omsk('2025-05-07 09:10'), text: 'Перекрытие улицы Ленина 8 мая с 10:00 до 14:00.' },
  ],
  'ok/topic.html': [
    { id: '155000000001', ...OKG, ...plain, publishedAt: Date.parse('2025-05-05T10:00:00+06:00'),
      text: 'Приём граждан главой администрации 12 мая. Запись по телефону горячей линии.' },
  ],
  'ok/topic-variants.html': [
    { id: '155000000010', ...OKG, ...plain, publishedAt: omsk('2025-05-06 09:30'), text: 'Ремонт дорог: карта работ\nна май.' },
  ],
  'ok/group-feed.html': [
    { id: '155000000003', ...OKG, ...plain, publishedAt: omsk('2025-05-12 18:30'), text: 'Субботник в сквере Дружбы.' },
    { id: '155000000002', ...OKG, ...plain, publishedAt: omsk('2025-05-11 14:00'), text: 'Итоги приёма граждан.' },
    { id: '155000000001', ...OKG, ...plain, publishedAt: omsk('2025-05-05 10:00'), text: 'Приём граждан главой администрации 12 мая.' },
    { id: '154999999990', ...OKG, ...plain, publishedAt: omsk('2025-04-30 00:00'), text: 'С Праздником Весны и Труда!' },
  ],
};

describe.each(fixtureNames())('page and posts on %s', (name) => {
  const doc = loadFixture(name);
  const ctx = contextFor(name);
  const adapter = adapterFor(ctx.url)!;

  it('reads the page', () => {
    expect(PAGES[name]).toBeDefined();
    expect(adapter.pageInfo(doc, ctx)).toEqual(PAGES[name]);
  });

  it('reads every post, reposts counted once', () => {
    const page = adapter.pageInfo(doc, ctx);
    const posts = adapter.postElements(doc).map((el) => adapter.parsePost(el, { ...ctx, page }));
    expect(posts.map((p) => p && {
      id: p.id, ownerId: p.ownerId, authorId: p.authorId, authorName: p.authorName, publishedAt: p.publishedAt,
      text: p.text, pinned: p.pinned, foreign: p.foreign, repost: p.repost,
    })).toEqual(POSTS[name]);
  });

  it('gives every post a permalink on the main host', () => {
    const page = adapter.pageInfo(doc, ctx);
    for (const el of adapter.postElements(doc)) {
      const post = adapter.parsePost(el, { ...ctx, page })!;
      expect(post.permalink).toMatch(adapter.site === 'vk' ? /^https:\/\/vk\.com\/wall-?\d+_\d+$/ : /^https:\/\/ok\.ru\/.+\/topic\/\d+$/);
    }
  });
});

describe('reposts', () => {
  it('the copied post inside a repost is never parsed as a post of its own', () => {
    const doc = loadFixture('vk/new-ui-wall.html');
    const copy = doc.querySelector('[data-post-id="-777_55"]')!;
    const adapter = adapterFor('https://vk.com/club123456')!;
    expect(adapter.postElements(copy)).toEqual([]);
    expect(adapter.parsePost(copy, contextFor('vk/new-ui-wall.html'))).toBeNull();
  });
});
