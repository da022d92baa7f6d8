import { selector } from '../selectors';

/**
 * Every selector the extension uses on ok.ru (and m.ok.ru where the same markup appears). OK keeps
 * plain BEM-like class names and `hook_Block_*` ids; `expect` counts are checked against
 * test/fixtures/ by test/unit/sites/selectors.test.ts.
 */
export const OK = {
  /** A topic: the open topic layer, or a card in the group feed. */
  post: selector([
    // topic layer: the layer's body holds the topic and its comments
    '#hook_Block_MediaTopicLayerBody',
    // group feed: each card carries its topic id in data-seen-params
    '.feed[data-seen-params]',
  ]),

  /** A group feed card (names its topic in data-seen-params, unlike the topic layer). */
  feedCard: selector([
    // group feed
    '.feed[data-seen-params]',
  ]),

  /** The topic's text. */
  postText: selector([
    // topic layer and group feed alike
    '.media-text_cnt_tx',
  ]),

  /** Machine-readable publication time of the topic (ISO 8601 with offset). */
  postPublished: selector([
    // topic layer
    'meta[itemprop="datePublished"]',
  ]),

  /** The topic's visible date. */
  postDate: selector([
    // group feed: text only («12 мая 18:30», «30 апр 2025»)
    '.feed_date',
  ]),

  /** The topic's author as JSON (group name and link). */
  postAuthorData: selector([
    // topic layer: a custom element with a JSON `data` attribute
    'group-author[data]',
  ]),

  /** The topic's author link. */
  postAuthorLink: selector([
    // group feed
    'a.group-link',
  ]),

  /**
   * A comment, matched by its attributes inside the comments list: no public source shows a class
   * of its own on the element that carries data-seen-params (research/markup-2026.md).
   */
  comment: selector([
    // topic layer: the list's hook blocks each hold one comment carrying data-seen-params (OKS)
    '.comments_lst_cnt > [id^="hook_Block_"] > [data-seen-params]',
    // any comment block in a comments list that carries both its id and its time (OKS, OKT)
    '.comments_lst [data-seen-params][data-time]',
    // the block as older fixtures and builds write it, wherever it sits
    '.comments_current[data-seen-params]',
  ]),

  /** The comment author's link and name. */
  commentAuthor: selector([
    // topic layer (OKS, OKT)
    'a.comments_author-name',
    // newer builds (AD)
    'a.comments_current__header__main__author__name',
  ]),

  /** The comment's full text (the visible part may be cut with «ещё»): read first. */
  commentText: selector([
    // topic layer (OKS, AD)
    '.js-text-full',
  ]),

  /** The comment's text in older builds, read when there is no full text. */
  commentTextOld: selector([
    // older topic layers and photo layers (OKT)
    '.comments_text',
  ]),

  /** The comment's visible date. */
  commentDate: selector([
    // topic layer
    '.comments_current__footer__main__date',
  ]),

  /** The mention of the comment being answered; data-rid is that comment's id. */
  replyTarget: selector([
    // topic layer
    '[data-rid]',
  ]),

  /** The comment's «Ответить» control. */
  replyControl: selector([
    // topic layer
    '.comments_reply',
  ]),

  /** The comment input. */
  composer: selector([
    // topic layer: the contenteditable add-comment field
    '.comments_add-ceditable',
  ]),

  /**
   * What OK shows where a comment was deleted: the block marked deleted with an undo stub (OKT: an
   * OK Selenium suite waits for `.comments_i.__deleted` and clicks `a.delete-stub_cancel`).
   */
  deleted: selector([
    // the comment block marked deleted
    '.comments_i.__deleted',
    // the same marker on the block that carries data-seen-params
    '[data-seen-params].__deleted',
    // the undo stub
    '.delete-stub',
  ]),

  /** The list comments render into. */
  commentsLayout: selector([
    // topic layer
    '.comments_lst',
  ]),

  /** The topic's comment counter. */
  commentCounter: selector([
    // topic layer: the discussion block's data-count
    '.mlr_disc [data-count]',
  ]),

  /** The group's name in its header. */
  pageName: selector([
    // group feed
    'h1.group-name_t',
  ]),
} as const;

/**
 * How many matches each selector has on each fixture (a fixture not listed: 0), proven by
 * test/unit/sites/selectors.test.ts. Kept apart from the table so it stays out of the content script.
 */
export const OK_EXPECT: Record<keyof typeof OK, Readonly<Record<string, number>>> = {
  post: {
    'ok/group-feed.html': 4, 'ok/topic-attributes.html': 1, 'ok/topic-variants.html': 1,
    'ok/topic.html': 1,
  },
  feedCard: { 'ok/group-feed.html': 4 },
  postText: {
    'ok/group-feed.html': 4, 'ok/topic-attributes.html': 1, 'ok/topic-variants.html': 1,
    'ok/topic.html': 1,
  },
  postPublished: { 'ok/topic-attributes.html': 1, 'ok/topic-variants.html': 1, 'ok/topic.html': 1 },
  postDate: { 'ok/group-feed.html': 4 },
  postAuthorData: { 'ok/topic-attributes.html': 1, 'ok/topic-variants.html': 1, 'ok/topic.html': 1 },
  postAuthorLink: { 'ok/group-feed.html': 4 },
  comment: { 'ok/topic-attributes.html': 4, 'ok/topic-variants.html': 2, 'ok/topic.html': 5 },
  commentAuthor: { 'ok/topic-attributes.html': 3, 'ok/topic-variants.html': 2, 'ok/topic.html': 5 },
  commentText: { 'ok/topic-attributes.html': 2, 'ok/topic-variants.html': 2, 'ok/topic.html': 5 },
  commentTextOld: { 'ok/topic-attributes.html': 1 },
  commentDate: { 'ok/topic-attributes.html': 3, 'ok/topic-variants.html': 2, 'ok/topic.html': 5 },
  replyTarget: { 'ok/topic-attributes.html': 1, 'ok/topic-variants.html': 1, 'ok/topic.html': 1 },
  replyControl: { 'ok/topic-attributes.html': 3, 'ok/topic-variants.html': 2, 'ok/topic.html': 5 },
  composer: { 'ok/topic-attributes.html': 1, 'ok/topic-variants.html': 1, 'ok/topic.html': 1 },
  deleted: { 'ok/topic-attributes.html': 2 },
  commentsLayout: { 'ok/topic-attributes.html': 1, 'ok/topic-variants.html': 1, 'ok/topic.html': 1 },
  commentCounter: { 'ok/topic-attributes.html': 1, 'ok/topic-variants.html': 1, 'ok/topic.html': 1 },
  pageName: { 'ok/group-feed.html': 1 },
};

/** Post footer counts and the page's description, cover and avatar (lib/sites/ok/figures.ts). */
export const OK_FIGURES = {
  likes: selector([
    // feed card and topic layer
    '[data-widget-item-type="like"] .widget_count',
  ]),
  comments: selector([
    // feed card and topic layer
    '[data-widget-item-type="comment"] .widget_count',
  ]),
  reposts: selector([
    // feed card and topic layer («Поделиться»)
    '[data-widget-item-type="reshare"] .widget_count',
  ]),
  description: selector([
    // group header (inferred)
    '.group-info_desc',
    '[data-l="t,description"]',
    // link previews
    'meta[property="og:description"][content]:not([content=""])',
  ]),
  cover: selector([
    // group header (inferred)
    '.group-cover',
    '.cover_img',
  ]),
  avatar: selector([
    // group header (inferred)
    '.group-avatar img',
    // link previews
    'meta[property="og:image"][content]:not([content=""])',
  ]),
} as const;
