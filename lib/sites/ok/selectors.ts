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

  /** A comment. */
  comment: selector([
    // topic layer: each comment block carries data-seen-params with its id
    '.comments_current[data-seen-params]',
  ]),

  /** The comment author's link and name. */
  commentAuthor: selector([
    // topic layer
    'a.comments_author-name',
  ]),

  /** The comment's full text (the visible part may be cut with «ещё»). */
  commentText: selector([
    // topic layer
    '.js-text-full',
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
  post: { 'ok/topic.html': 1, 'ok/group-feed.html': 4, 'ok/topic-variants.html': 1 },
  feedCard: { 'ok/group-feed.html': 4 },
  postText: { 'ok/topic.html': 1, 'ok/group-feed.html': 4, 'ok/topic-variants.html': 1 },
  postPublished: { 'ok/topic.html': 1, 'ok/topic-variants.html': 1 },
  postDate: { 'ok/group-feed.html': 4 },
  postAuthorData: { 'ok/topic.html': 1, 'ok/topic-variants.html': 1 },
  postAuthorLink: { 'ok/group-feed.html': 4 },
  comment: { 'ok/topic.html': 5, 'ok/topic-variants.html': 2 },
  commentAuthor: { 'ok/topic.html': 5, 'ok/topic-variants.html': 2 },
  commentText: { 'ok/topic.html': 5, 'ok/topic-variants.html': 2 },
  commentDate: { 'ok/topic.html': 5, 'ok/topic-variants.html': 2 },
  replyTarget: { 'ok/topic.html': 1, 'ok/topic-variants.html': 1 },
  replyControl: { 'ok/topic.html': 5, 'ok/topic-variants.html': 2 },
  composer: { 'ok/topic.html': 1, 'ok/topic-variants.html': 1 },
  commentsLayout: { 'ok/topic.html': 1, 'ok/topic-variants.html': 1 },
  commentCounter: { 'ok/topic.html': 1, 'ok/topic-variants.html': 1 },
  pageName: { 'ok/group-feed.html': 1 },
};
