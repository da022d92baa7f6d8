import { describe, expect, it } from 'vitest';
import { linkPosts } from '../../../lib/publications/link';
import { replayPublication } from '../../../lib/publications/reducer';
import { LINK_THRESHOLD, printOf, similarity, wordsOf } from '../../../lib/publications/similarity';
import { dip, omsk, pev, submitted } from './helpers';

const sim = (a: string, b: string) => similarity(printOf(a), printOf(b));

const BUS = 'С понедельника автобус № 12 ходит по новому маршруту — через Левобережье. Схема в карточках. Вопросы задавайте в комментариях!';
const CLEANUP = 'В субботу на набережной Иртыша пройдёт субботник. Приходите с 10:00, перчатки и мешки выдадим на месте!';

describe('text similarity between a request and a post', () => {
  it('words: case, ё, endings, links, hashtags and mentions do not count; numbers do', () => {
    expect(wordsOf('Ёлку поставят на Соборной площади #Омск @omsk https://vk.cc/x № 12')).toEqual(['елку', 'поста', 'собор', 'площа', '12']);
  });

  const same: [string, string, string][] = [
    ['the same text', BUS, BUS],
    ['the DIP rewrote it: words changed, date added, emoji and hashtags', BUS, 'С 9 марта автобус № 12 поедет по новому маршруту через Левобережье. Смотрите схему в карточках 👇 Остались вопросы? Пишите в комментариях! #Омск #транспорт'],
    ['sentences moved and a call added', CLEANUP, 'Субботник на набережной Иртыша — в эту субботу, начало в 10:00. Перчатки и мешки выдадим на месте. Приходите всей семьёй!'],
    ['a long post shortened for the page', `${CLEANUP} Маршрут уборки: от Юбилейного моста до Телецентра. Телефон для справок: 20-00-00. Организатор — администрация Центрального округа.`, CLEANUP],
  ];
  it.each(same)('alike: %s', (_name, a, b) => {
    expect(sim(a, b)).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });

  const different: [string, string, string][] = [
    ['another bus, the same template', BUS, 'С понедельника автобус № 45 меняет расписание: первый рейс в 6:10. Расписание в карточках. Вопросы задавайте в комментариях!'],
    ['another subject', BUS, CLEANUP],
    ['a post with no words', BUS, '👍👍👍'],
    ['another cleanup elsewhere', CLEANUP, 'В воскресенье в парке 30-летия ВЛКСМ высадим 200 саженцев. Лопаты берите свои, вода и чай — от нас.'],
  ];
  it.each(different)('not alike: %s', (_name, a, b) => {
    expect(sim(a, b)).toBeLessThan(LINK_THRESHOLD);
  });
});

describe('linking seen posts to approved requests', () => {
  const approve = (at: string) => pev('approved', dip, at, { plannedAt: omsk('2026-03-04T10:00') });
  const bus = { id: 'bus', state: replayPublication([submitted(undefined, '2026-03-02T10:00', BUS), approve('2026-03-02T11:00')]) };
  const cleanup = { id: 'cleanup', state: replayPublication([submitted(undefined, '2026-03-02T10:00', CLEANUP), approve('2026-03-02T11:00')]) };
  const waiting = { id: 'waiting', state: replayPublication([submitted(undefined, '2026-03-02T10:00', BUS)]) };
  const post = (key: string, text: string, at = '2026-03-04T10:03') => ({ key, text, publishedAt: omsk(at), permalink: `https://vk.com/wall-1_${key}` });
  const pages = new Set(['admin-vk']);

  it('each post to its request, the best pairs first', () => {
    const links = linkPosts([bus, cleanup], [post('1', `${CLEANUP} #субботник`), post('2', BUS)], pages);
    expect(links.map((l) => [l.requestId, l.post.key])).toEqual(
      expect.arrayContaining([
        ['bus', '2'],
        ['cleanup', '1'],
      ]),
    );
    expect(links).toHaveLength(2);
  });

  it('not a request still under review, nor one for another page, nor a post dated long before approval', () => {
    expect(linkPosts([waiting], [post('2', BUS)], pages)).toEqual([]);
    expect(linkPosts([bus], [post('2', BUS)], new Set(['dept-ok']))).toEqual([]);
    expect(linkPosts([bus], [post('2', BUS, '2026-02-20T10:00')], pages)).toEqual([]);
  });

  it('a post already linked to a request is not linked again; one post, one request', () => {
    expect(linkPosts([bus], [post('2', BUS)], pages, new Set(['2']))).toEqual([]);
    const twin = { id: 'twin', state: bus.state };
    expect(linkPosts([bus, twin], [post('2', BUS)], pages)).toHaveLength(1);
  });

  it('the author’s wording links too when the DIP edited it afterwards', () => {
    const edited = { id: 'e', state: replayPublication([submitted(undefined, '2026-03-02T10:00', BUS), pev('edited', dip, '2026-03-02T10:30', { text: 'Совсем другой текст о новом маршруте' }), approve('2026-03-02T11:00')]) };
    expect(linkPosts([edited], [post('2', BUS)], pages)).toHaveLength(1);
  });
});
