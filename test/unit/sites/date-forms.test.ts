import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import type { ParseContext } from '@/lib/sites/types';

/**
 * Every date form the issue lists, printed by each markup, read through the adapters the content
 * script uses: the same form must give the same instant whatever the markup, at the edges
 * (midnight, New Year) and in a browser whose zone is not the administration's.
 */

const FORMS = [
  'только что', 'минуту назад', '5 мин назад', '2 часа назад', '19 ч назад', '7 д назад',
  'сегодня в 9:10', 'вчера в 12:30', 'вчера', '29 авг', '29 авг в 16:45', '30 окт 2014',
] as const;

/** now, zone → what each form means then and there. */
const CASES: Array<{ name: string; now: string; zone: string; expected: Record<(typeof FORMS)[number], string> }> = [
  {
    name: 'an ordinary afternoon in Omsk',
    now: '2025-05-07T13:00:00+06:00',
    zone: 'Asia/Omsk',
    expected: {
      'только что': '2025-05-07T13:00:00+06:00', 'минуту назад': '2025-05-07T12:59:00+06:00', '5 мин назад': '2025-05-07T12:55:00+06:00',
      '2 часа назад': '2025-05-07T11:00:00+06:00', '19 ч назад': '2025-05-06T18:00:00+06:00', '7 д назад': '2025-04-30T13:00:00+06:00',
      'сегодня в 9:10': '2025-05-07T09:10:00+06:00', 'вчера в 12:30': '2025-05-06T12:30:00+06:00', 'вчера': '2025-05-06T00:00:00+06:00',
      '29 авг': '2024-08-29T00:00:00+06:00', '29 авг в 16:45': '2024-08-29T16:45:00+06:00', '30 окт 2014': '2014-10-30T00:00:00+06:00',
    },
  },
  {
    name: 'five minutes past New Year in Omsk',
    now: '2026-01-01T00:05:00+06:00',
    zone: 'Asia/Omsk',
    expected: {
      'только что': '2026-01-01T00:05:00+06:00', 'минуту назад': '2026-01-01T00:04:00+06:00', '5 мин назад': '2026-01-01T00:00:00+06:00',
      '2 часа назад': '2025-12-31T22:05:00+06:00', '19 ч назад': '2025-12-31T05:05:00+06:00', '7 д назад': '2025-12-25T00:05:00+06:00',
      'сегодня в 9:10': '2026-01-01T09:10:00+06:00', 'вчера в 12:30': '2025-12-31T12:30:00+06:00', 'вчера': '2025-12-31T00:00:00+06:00',
      '29 авг': '2025-08-29T00:00:00+06:00', '29 авг в 16:45': '2025-08-29T16:45:00+06:00', '30 окт 2014': '2014-10-30T00:00:00+06:00',
    },
  },
  {
    // Omsk's midnight is 21:00 in Moscow: a Moscow browser printed «сегодня» for 7 May.
    name: 'Omsk midnight, the browser in Moscow',
    now: '2025-05-08T00:00:00+06:00',
    zone: 'Europe/Moscow',
    expected: {
      'только что': '2025-05-07T21:00:00+03:00', 'минуту назад': '2025-05-07T20:59:00+03:00', '5 мин назад': '2025-05-07T20:55:00+03:00',
      '2 часа назад': '2025-05-07T19:00:00+03:00', '19 ч назад': '2025-05-07T02:00:00+03:00', '7 д назад': '2025-04-30T21:00:00+03:00',
      'сегодня в 9:10': '2025-05-07T09:10:00+03:00', 'вчера в 12:30': '2025-05-06T12:30:00+03:00', 'вчера': '2025-05-06T00:00:00+03:00',
      '29 авг': '2024-08-29T00:00:00+03:00', '29 авг в 16:45': '2024-08-29T16:45:00+03:00', '30 окт 2014': '2014-10-30T00:00:00+03:00',
    },
  },
];

interface Markup {
  name: string;
  url: string;
  /** A page holding one comment whose date is printed as `date`. */
  comment(date: string): string;
}

const MARKUPS: Markup[] = [
  {
    name: 'VK React UI',
    url: 'https://vk.com/wall-1_2',
    comment: (date) => `<div data-testid="wall_comments_layout_root"><div data-testid="wall_comments_comment_root" id="5_3">
      <a data-testid="comment-avatar" href="/id5"></a><a href="/id5"><div data-testid="comment-owner">Имя</div></a>
      <div data-testid="comment-text"><div data-testid="showmoretext-in">текст</div></div>
      <a data-testid="wall_comment_date" href="/wall-1_2?reply=3">${date}</a></div></div>`,
  },
  {
    name: 'VK classic markup (a date without time=)',
    url: 'https://vk.com/wall-1_2',
    comment: (date) => `<div class="replies_list"><div id="post-1_3" class="reply _post" data-post-id="-1_3">
      <div class="reply_author"><a class="author" href="/id5" data-from-id="5">Имя</a></div><div class="wall_reply_text">текст</div>
      <div class="reply_date"><a class="wd_lnk" href="/wall-1_2?reply=3"><span class="rel_date">${date}</span></a></div></div></div>`,
  },
  {
    name: 'm.vk.com',
    url: 'https://m.vk.com/wall-1_2',
    comment: (date) => `<div class="RepliesWrap"><div class="ReplyItem" id="wall_reply-1_3">
      <div class="ReplyItem__header"><a class="ReplyItem__name" href="/id5">Имя</a></div><div class="ReplyItem__body">текст</div>
      <div class="ReplyItem__date"><a class="item_date" href="/wall-1_2?reply=3">${date}</a></div></div></div>`,
  },
  {
    name: 'OK (a comment without data-time)',
    url: 'https://ok.ru/group/1/topic/2',
    comment: (date) => `<div class="comments_lst"><div class="comments_lst_cnt"><div id="hook_Block_C1"><div data-seen-params='{"data":{"commentId":"2_3"}}'>
      <a class="comments_author-name o" href="/profile/5"><span>Имя</span></a><span class="js-text-full">текст</span>
      <span class="comments_current__footer__main__date">${date}</span></div></div></div></div>`,
  },
];

function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}

describe.each(CASES)('every form, every markup: $name', ({ now, zone, expected }) => {
  describe.each(MARKUPS)('$name', (markup) => {
    it.each(FORMS)('«%s»', (form) => {
      const doc = page(markup.comment(form));
      const ctx: ParseContext = { url: markup.url, now: Date.parse(now), timeZone: zone };
      const adapter = adapterFor(markup.url)!;
      const [el] = adapter.commentElements(doc);
      expect(el).toBeDefined();
      expect(new Date(adapter.parseComment(el!, ctx)!.publishedAt!).toISOString()).toBe(new Date(expected[form]).toISOString());
    });
  });

  it.each(FORMS)('a post dated «%s» on m.vk.com and in VK\'s React UI', (form) => {
    const ctx = (url: string): ParseContext => ({ url, now: Date.parse(now), timeZone: zone });
    const mobile = page(`<div class="wall_item"><div class="wi_head"><a class="pi_author" href="/club1">Имя</a><a class="wi_date" href="/wall-1_2">${form}</a></div><div class="pi_text">т</div></div>`);
    const react = page(`<div data-testid="post" data-post-id="-1_2"><a data-testid="post-header-title" href="/club1">Имя</a><span data-testid="post_date_block_preview">${form}</span></div>`);
    for (const [doc, url] of [[mobile, 'https://m.vk.com/club1'], [react, 'https://vk.com/club1']] as const) {
      const adapter = adapterFor(url)!;
      const [el] = adapter.postElements(doc);
      expect(adapter.parsePost(el!, ctx(url))!.publishedAt).toBe(Date.parse(expected[form]));
    }
  });
});

describe('OK prints its own forms', () => {
  const now = Date.parse('2025-05-07T13:00:00+06:00');
  it.each([
    ['12:40', '2025-05-07T12:40:00+06:00'],
    ['вчера 14:05', '2025-05-06T14:05:00+06:00'],
    ['12 мая', '2024-05-12T00:00:00+06:00'],
    ['5 мая 2023', '2023-05-05T00:00:00+06:00'],
    ['12 мая 18:30', '2024-05-12T18:30:00+06:00'],
    ['30 апр 2025', '2025-04-30T00:00:00+06:00'],
  ])('«%s» on a comment and on a feed card', (form, expected) => {
    const url = 'https://ok.ru/group/1';
    const adapter = adapterFor(url)!;
    const ctx: ParseContext = { url, now, timeZone: 'Asia/Omsk' };
    const comment = page(MARKUPS[3]!.comment(form));
    expect(adapter.parseComment(adapter.commentElements(comment)[0]!, ctx)!.publishedAt).toBe(Date.parse(expected));
    const feed = page(`<div class="feed" data-seen-params='{"topicId":"2"}'><a class="group-link" href="/group/1">Г</a><div class="feed_date">${form}</div><div class="media-text_cnt_tx">т</div></div>`);
    expect(adapter.parsePost(adapter.postElements(feed)[0]!, ctx)!.publishedAt).toBe(Date.parse(expected));
  });
});
