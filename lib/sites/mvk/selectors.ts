import { selector } from '../selectors';

/**
 * m.vk.com's own server-rendered markup (research/markup-2026.md, "m.vk.com"). Its classes are
 * plain BEM roots (`ReplyItem__name`), never hashed. Where a part is marked *inferred*, no public
 * source shows it: it follows the markup's own naming and is found by its role, and a live page that
 * disagrees is right. The React UI and classic markups (lib/sites/vk/selectors.ts) are read on
 * m.vk.com too, for pages VK serves there in those markups. `MVK_EXPECT` counts are checked against
 * test/fixtures/mvk/ by test/unit/sites/selectors.test.ts.
 */
export const MVK = {
  /** A comment: `div.ReplyItem#wall_reply<owner>_<id>` (LR, gosvon bot highlighter). */
  comment: selector([
    // the comment item
    '.ReplyItem',
  ]),

  /** The comment's date link: `a.item_date[href="/wall-1_2?reply=3&thread=4"]` (LR). */
  commentDate: selector([
    // inside the item's date block
    '.ReplyItem__date a[href*="reply="]',
    // the link's own class, wherever the block is
    'a.item_date[href*="reply="]',
  ]),

  /** The comment's date when it is not a link (a deleted parent, a preview). */
  commentDateText: selector([
    // the date block
    '.ReplyItem__date',
  ]),

  /** The comment author's link and name (LR, gosvon bot highlighter). */
  commentAuthor: selector([
    // in the item's header
    '.ReplyItem__header a.ReplyItem__name',
    // the name link wherever it is
    'a.ReplyItem__name',
  ]),

  /** The comment's text: the text block when the item has one (vk-time userscript), else the body (LR). */
  commentText: selector([
    // the text block
    '.ReplyItem__text',
  ]),

  /** The comment's body (LR reads the text from it). */
  commentBody: selector([
    // the body
    '.ReplyItem__body',
  ]),

  /** The comment's «Ответить»: onclick `Replies.replyTo(this, owner, id, uid)` (research note; gosvon bot highlighter). */
  replyControl: selector([
    // the item's action
    '.ReplyItem__action',
  ]),

  /** A thread of replies: `div.RepliesThread#RepliesThread<root id>` (LR). */
  thread: selector([
    // by its id, which names the thread's root comment
    '[id^="RepliesThread"]',
  ]),

  /** A deleted comment's item (research note). */
  deleted: selector([
    // the item's modifier
    '.ReplyItem_deleted',
  ]),

  /** The list comments render into (LR scrolls it): its presence with content means comments should parse. */
  commentsLayout: selector([
    // the replies wrapper
    '.RepliesWrap',
    // the older wrapper
    '.wall_replies',
  ]),

  /** More replies of a thread: `a.RepliesThreadNext__link[href="/wall-1_2?offset=N&reply=<root>"]` (LR). */
  moreReplies: selector([
    // the thread's «next» link
    'a.RepliesThreadNext__link',
  ]),

  /** A post card: `.wall_item` (LR, gosvon bot highlighter). */
  post: selector([
    // the wall item
    '.wall_item',
  ]),

  /** The post's date link, `a.wi_date` (LR); its href names the post. */
  postDate: selector([
    // the date link
    'a.wi_date',
    // the newer post header's time link (BN: `.PostHeader__info a.PostHeaderTime`)
    '.PostHeader__info a.PostHeaderTime',
  ]),

  /** Any link to the post itself (LR falls back to `a[href*="/wall"]`): the post's id when the date link does not name it. */
  postLink: selector([
    // a wall link that is not a comment's
    'a[href*="/wall"]:not([href*="reply="])',
  ]),

  /** The post's author link in its head (gosvon bot highlighter: `.wi_head a`). */
  postAuthor: selector([
    // the author's name link (inferred: the head's links are the avatar and the name)
    '.wi_head a.pi_author',
    // the author block
    '.wi_head .wi_author a',
  ]),

  /** The post's text, `.pi_text` (LR). */
  postText: selector([
    // the text block
    '.pi_text',
  ]),

  /**
   * Reply inputs (inferred: no public source shows m.vk.com's reply box). Found by role, as a
   * person would find it: a text field in a form, named or labelled for a comment; parse.ts checks
   * the label and prefers the field the site has just focused after «Ответить».
   */
  composer: selector([
    // a multi-line field
    'textarea',
    // an editor
    '[contenteditable="true"]',
  ]),
} as const;

/**
 * How many matches each selector has on each fixture (a fixture not listed: 0), proven by
 * test/unit/sites/selectors.test.ts. Kept apart from the table so it stays out of the content script.
 */
export const MVK_EXPECT: Record<keyof typeof MVK, Readonly<Record<string, number>>> = {
  comment: { 'mvk/post.html': 9 },
  commentDate: { 'mvk/post.html': 8 },
  commentDateText: { 'mvk/post.html': 8 },
  commentAuthor: { 'mvk/post.html': 8 },
  commentText: { 'mvk/post.html': 1 },
  commentBody: { 'mvk/post.html': 9 },
  replyControl: { 'mvk/post.html': 8 },
  thread: { 'mvk/post.html': 2 },
  deleted: { 'mvk/post.html': 1 },
  commentsLayout: { 'mvk/post.html': 1 },
  moreReplies: { 'mvk/post.html': 1 },
  post: { 'mvk/post.html': 1, 'mvk/wall.html': 4 },
  postDate: { 'mvk/post.html': 1, 'mvk/wall.html': 4 },
  postLink: { 'mvk/post.html': 1, 'mvk/wall.html': 4 },
  postAuthor: { 'mvk/post.html': 1, 'mvk/wall.html': 4 },
  postText: { 'mvk/post.html': 1, 'mvk/wall.html': 4 },
  composer: { 'mvk/post.html': 1 },
};
