import { selector } from '../selectors';

/**
 * Every selector the extension uses on VK. Two markups live side by side on vk.com, vk.ru and
 * m.vk.com: the React UI (`data-testid` attributes) and the classic markup (stable class roots).
 * Hashed class suffixes (`vkitComment__info--k1`) change with every VK build and are never used.
 * `expect` counts are checked against test/fixtures/ by test/unit/sites/selectors.test.ts.
 */
export const VK = {
  /** A post card: wall, feed or a single-post page. */
  post: selector([
    // React UI: also the copied post inside a repost (data-post-nesting-lvl="1"), filtered in code
    '[data-testid="post"]',
    // classic markup: comments are `._post` too, but never `.post`
    '.post._post',
  ]),

  /** The copied post inside a repost: belongs to the repost, never a post of its own. */
  repostCopy: selector([
    // React UI: nested post cards carry their depth
    '[data-post-nesting-lvl]:not([data-post-nesting-lvl="0"])',
    // classic markup: the quoted original
    '.copy_quote',
  ]),

  /** Posts and the copies inside them: the boundary that keeps a repost's parts out of the outer post. */
  postScope: selector([
    // React UI: outer and nested post cards
    '[data-testid="post"]',
    // classic markup: posts
    '.post._post',
    // classic markup: the quoted original of a repost
    '.copy_quote',
  ]),

  /** The post's author link in its header (href and name). */
  postAuthor: selector([
    // React UI
    '[data-testid="post-header-title"]',
    // classic markup (2023+ header)
    'a.PostHeaderTitle__authorLink',
    // classic markup (older header)
    '.post_author a.author',
  ]),

  /** The post's date. */
  postDate: selector([
    // React UI: text only («5 мая в 10:00», «Реклама» on ads)
    '[data-testid="post_date_block_preview"]',
    // classic markup: span with `time` (unix seconds) on recent posts
    '.post_date .rel_date',
  ]),

  /** The post's text block. */
  postText: selector([
    // React UI: the show-more text inside the content container (comments use showmoretext-in too)
    '[data-testid="post-content-container"] [data-testid="showmoretext-in"]',
    // React UI: the same block once the post is expanded («Показать ещё»), and on a post's own page (SB, AP, BN)
    '[data-testid="post-content-container"] [data-testid="showmoretext-in-expanded"]',
    // classic markup
    '.wall_post_text',
  ]),

  /** A pinned post. */
  pinned: selector([
    // classic markup: the post itself is marked (the React UI only prints «Запись закреплена», read in code)
    '.post_fixed',
  ]),

  /** An advertisement in the feed or on a wall. */
  ad: selector([
    // classic markup and React UI: ad impressions are counted by this attribute
    '[data-ad-view]',
    // classic markup: a community post marked as advertising
    '.wall_marked_as_ads',
  ]),

  /** A comment. */
  comment: selector([
    // React UI: a top-level comment (its thread, if any, nests inside it)
    '[data-testid="wall_comments_comment_root"]',
    // React UI: a reply inside a thread
    '[data-testid="wall_comments_comment_in_thread"]',
    // classic markup: `.reply` also marks reply links and boxes, but only comments are `._post`
    '.reply._post',
    // VK Video's React comments (a video's page or layer): the element id is the bare comment number (BN)
    '[data-testid="comment"]',
  ]),

  /** A VK Video comment: no date link names it; its id is the comment number, the video is in the address (BN). */
  videoComment: selector([
    // React UI on a video's page
    '[data-testid="comment"]',
  ]),

  /** A VK Video comment's date. Inferred: no source shows it; named as the comment's other parts are. */
  videoCommentDate: selector([
    // React UI, as `comment-text` and `comment-owner`
    '[data-testid="comment-date"]',
  ]),

  /** Where classic markup puts a thread's replies: right after the thread root, not inside it. */
  classicThread: selector([
    // classic markup
    '.replies_wrap_deep',
  ]),

  /** The comment's date link: its href carries the wall, the post, `reply=` and `thread=`. */
  commentDate: selector([
    // React UI
    'a[data-testid="wall_comment_date"]',
    // classic markup
    '.reply_date a[href*="reply="]',
  ]),

  /** Machine-readable time (unix seconds), on posts and comments of the classic markup. */
  relTime: selector([
    // classic markup: present on recent items only; older ones have just the text
    '.rel_date[time]',
  ]),

  /** The comment's text: badges go right after it, highlights inside it. */
  commentText: selector([
    // React UI
    '[data-testid="comment-text"]',
    // classic markup
    '.wall_reply_text',
  ]),

  /**
   * The text itself inside the React UI's comment text, collapsed or expanded: what is read when
   * present, so nothing the site adds around it (a «Показать ещё» control) becomes the comment's words.
   */
  showMoreText: selector([
    // React UI, collapsed
    '[data-testid="showmoretext-in"]',
    // React UI, expanded (SB, AP, BN)
    '[data-testid="showmoretext-in-expanded"]',
  ]),

  /** The comment author's name. */
  commentAuthorName: selector([
    // React UI
    '[data-testid="comment-owner"]',
    // classic markup
    '.reply_author a.author',
  ]),

  /** The comment author's profile link. */
  commentAuthorLink: selector([
    // React UI: the avatar link (the name link has no marker of its own)
    'a[data-testid="comment-avatar"]',
    // classic markup: carries data-from-id
    '.reply_author a.author',
  ]),

  /** The comment's «Ответить» control. */
  replyControl: selector([
    // React UI
    '[data-testid="comment-reply"]',
    // classic markup
    '.reply_link',
  ]),

  /** The comment input. */
  composer: selector([
    // React UI
    '[data-testid="content-editable-input"]',
    // classic markup: the reply box under a post
    '.reply_field[contenteditable="true"]',
  ]),

  /** The list comments render into: its presence with content means comments should parse. */
  commentsLayout: selector([
    // React UI
    '[data-testid="wall_comments_layout_root"]',
    // classic markup
    '.replies_list',
  ]),

  /** A post's comment counter. */
  commentCounter: selector([
    // React UI: the count is in aria-label («7 комментариев»)
    '[data-testid="post_footer_action_comment"]',
    // classic markup: the count is in data-count
    '._comment[data-count]',
  ]),

  /** Classic placeholder left where a comment was deleted (the React UI prints only text, read in code). */
  deleted: selector([
    // classic markup
    '.dld',
  ]),

  /** The page's name in its header. */
  pageName: selector([
    // classic markup and React UI community header
    'h1.page_name',
  ]),

  /** The owner link on the page's own posts, with its numeric id. */
  ownerLink: selector([
    // classic markup
    '[data-post-click-type="post_owner_link"][data-from-id]',
  ]),

  /** Canonical address of the page (gives club/public id when the address has a short name). */
  canonical: selector([
    // both markups
    'link[rel="canonical"]',
  ]),

  /** App deep link, which carries the numeric address too. */
  appLink: selector([
    // both markups
    'link[rel="alternate"][href^="android-app:"]',
  ]),
} as const;

/**
 * How many matches each selector has on each fixture (a fixture not listed: 0), proven by
 * test/unit/sites/selectors.test.ts. Kept apart from the table so it stays out of the content script.
 */
export const VK_EXPECT: Record<keyof typeof VK, Readonly<Record<string, number>>> = {
  post: { 'vk/post-layer.html': 3,
    'vk/classic-wall-extras.html': 4, 'vk/classic-wall.html': 3, 'vk/deleted-comment.html': 1,
    'vk/new-ui-post-expanded.html': 1, 'vk/new-ui-post-flat.html': 1, 'vk/new-ui-post.html': 1,
    'vk/new-ui-wall.html': 9, 'vk/photo-layer.html': 1,
  },
  repostCopy: { 'vk/classic-wall-extras.html': 1, 'vk/new-ui-wall.html': 1 },
  postScope: { 'vk/post-layer.html': 3,
    'vk/classic-wall-extras.html': 5, 'vk/classic-wall.html': 3, 'vk/deleted-comment.html': 1,
    'vk/new-ui-post-expanded.html': 1, 'vk/new-ui-post-flat.html': 1, 'vk/new-ui-post.html': 1,
    'vk/new-ui-wall.html': 9, 'vk/photo-layer.html': 1,
  },
  postAuthor: { 'vk/post-layer.html': 3,
    'vk/classic-wall-extras.html': 4, 'vk/classic-wall.html': 3, 'vk/deleted-comment.html': 1,
    'vk/new-ui-post-expanded.html': 1, 'vk/new-ui-post-flat.html': 1, 'vk/new-ui-post.html': 1,
    'vk/new-ui-wall.html': 9, 'vk/photo-layer.html': 1,
  },
  postDate: { 'vk/post-layer.html': 3,
    'vk/classic-wall-extras.html': 4, 'vk/classic-wall.html': 3, 'vk/deleted-comment.html': 1,
    'vk/new-ui-post-expanded.html': 1, 'vk/new-ui-post-flat.html': 1, 'vk/new-ui-post.html': 1,
    'vk/new-ui-wall.html': 9, 'vk/photo-layer.html': 1,
  },
  postText: { 'vk/post-layer.html': 3,
    'vk/classic-wall-extras.html': 5, 'vk/classic-wall.html': 3, 'vk/deleted-comment.html': 1,
    'vk/new-ui-post-expanded.html': 1, 'vk/new-ui-post-flat.html': 1, 'vk/new-ui-post.html': 1,
    'vk/new-ui-wall.html': 9, 'vk/photo-layer.html': 1,
  },
  pinned: { 'vk/classic-wall-extras.html': 1 },
  ad: { 'vk/classic-wall-extras.html': 1 },
  comment: { 'vk/photo-page.html': 3, 'vk/video-page.html': 3, 'vk/post-layer.html': 2,
    'vk/classic-wall.html': 4, 'vk/deleted-comment.html': 4, 'vk/new-ui-post-expanded.html': 7,
    'vk/new-ui-post-flat.html': 7, 'vk/new-ui-post.html': 7, 'vk/photo-layer.html': 3,
  },
  classicThread: { 'vk/photo-page.html': 1, 'vk/classic-wall.html': 1, 'vk/deleted-comment.html': 1, 'vk/photo-layer.html': 1 },
  commentDate: { 'vk/photo-page.html': 3, 'vk/post-layer.html': 2,
    'vk/classic-wall.html': 4, 'vk/deleted-comment.html': 3, 'vk/new-ui-post-expanded.html': 7,
    'vk/new-ui-post-flat.html': 6, 'vk/new-ui-post.html': 7, 'vk/photo-layer.html': 3,
  },
  relTime: { 'vk/photo-page.html': 1,
    'vk/classic-wall-extras.html': 2, 'vk/classic-wall.html': 3, 'vk/deleted-comment.html': 2,
    'vk/photo-layer.html': 2,
  },
  commentText: { 'vk/photo-page.html': 3, 'vk/video-page.html': 3, 'vk/post-layer.html': 2,
    'vk/classic-wall.html': 4, 'vk/deleted-comment.html': 3, 'vk/new-ui-post-expanded.html': 7,
    'vk/new-ui-post-flat.html': 6, 'vk/new-ui-post.html': 7, 'vk/photo-layer.html': 3,
  },
  showMoreText: { 'vk/post-layer.html': 5,
    'vk/new-ui-post-expanded.html': 8, 'vk/new-ui-post-flat.html': 7, 'vk/new-ui-post.html': 8,
    'vk/new-ui-wall.html': 9,
  },
  commentAuthorName: { 'vk/photo-page.html': 3, 'vk/video-page.html': 3, 'vk/post-layer.html': 2,
    'vk/classic-wall.html': 4, 'vk/deleted-comment.html': 3, 'vk/new-ui-post-expanded.html': 7,
    'vk/new-ui-post-flat.html': 6, 'vk/new-ui-post.html': 7, 'vk/photo-layer.html': 3,
  },
  commentAuthorLink: { 'vk/photo-page.html': 3, 'vk/video-page.html': 3, 'vk/post-layer.html': 2,
    'vk/classic-wall.html': 4, 'vk/deleted-comment.html': 3, 'vk/new-ui-post-expanded.html': 7,
    'vk/new-ui-post-flat.html': 6, 'vk/new-ui-post.html': 7, 'vk/photo-layer.html': 3,
  },
  replyControl: { 'vk/photo-page.html': 3, 'vk/video-page.html': 3, 'vk/post-layer.html': 2,
    'vk/classic-wall.html': 4, 'vk/deleted-comment.html': 3, 'vk/new-ui-post-expanded.html': 7,
    'vk/new-ui-post-flat.html': 6, 'vk/new-ui-post.html': 7, 'vk/photo-layer.html': 3,
  },
  composer: { 'vk/photo-page.html': 1, 'vk/video-page.html': 1, 'vk/post-layer.html': 1,
    'vk/classic-wall.html': 1, 'vk/deleted-comment.html': 1, 'vk/new-ui-post-expanded.html': 1,
    'vk/new-ui-post-flat.html': 1, 'vk/new-ui-post.html': 1,
  },
  commentsLayout: { 'vk/photo-page.html': 1, 'vk/post-layer.html': 1,
    'vk/classic-wall.html': 1, 'vk/deleted-comment.html': 1, 'vk/new-ui-post-expanded.html': 1,
    'vk/new-ui-post-flat.html': 1, 'vk/new-ui-post.html': 1, 'vk/photo-layer.html': 1,
  },
  commentCounter: { 'vk/post-layer.html': 3,
    'vk/classic-wall-extras.html': 1, 'vk/classic-wall.html': 2, 'vk/deleted-comment.html': 1,
    'vk/new-ui-post-expanded.html': 1, 'vk/new-ui-post-flat.html': 1, 'vk/new-ui-post.html': 1,
    'vk/new-ui-wall.html': 1,
  },
  deleted: { 'vk/deleted-comment.html': 1 },
  pageName: { 'vk/post-layer.html': 1,
    'vk/classic-wall-extras.html': 1, 'vk/classic-wall.html': 1, 'vk/new-ui-wall.html': 1,
    'vk/photo-layer.html': 1,
  },
  ownerLink: {
    'vk/classic-wall-extras.html': 3, 'vk/classic-wall.html': 3, 'vk/deleted-comment.html': 1,
    'vk/photo-layer.html': 1,
  },
  canonical: { 'vk/post-layer.html': 1,
    'vk/new-ui-post-expanded.html': 1, 'vk/new-ui-post-flat.html': 1, 'vk/new-ui-post.html': 1,
    'vk/new-ui-wall.html': 1,
  },
  appLink: { 'vk/new-ui-wall.html': 1 },
  videoCommentDate: { 'vk/video-page.html': 3 },
  videoComment: { 'vk/video-page.html': 3 },
};

/** Post footer counts and the page's description, cover and avatar (lib/sites/vk/figures.ts). */
export const VK_FIGURES = {
  likes: selector([
    // React UI: the like button, its count as text
    '[data-testid="post_footer_action_like"]',
    // classic markup: data-count on the button
    '.like_btn._like',
  ]),
  comments: selector([
    // React UI: the count in aria-label («7 комментариев») or text
    '[data-testid="post_footer_action_comment"]',
    // classic markup
    '.like_btn._comment',
  ]),
  reposts: selector([
    // React UI: the share button
    '[data-testid="post_footer_action_share"]',
    // classic markup
    '.like_btn._share',
  ]),
  views: selector([
    // React UI: inferred — a test id with «views» in the post's footer
    '[data-testid="post_views"]',
    '[data-testid="post-views"]',
    // classic markup: title «1 234 просмотра», text «1.2K»
    '.like_views._views',
  ]),
  description: selector([
    // classic markup: the community's info block (inferred)
    '.page_description',
    '#page_description',
    // React UI (inferred)
    '[data-testid="group_description"]',
    // link previews: every public page's head carries it
    'meta[property="og:description"][content]:not([content=""])',
  ]),
  cover: selector([
    // classic markup (inferred)
    '.page_cover',
    '.redesigned-group-cover',
    // React UI (inferred)
    '[data-testid="group_cover"]',
  ]),
  avatar: selector([
    // classic markup
    '.page_avatar_img',
    // React UI (inferred)
    '[data-testid="group_avatar"] img',
    // link previews
    'meta[property="og:image"][content]:not([content=""])',
  ]),
} as const;
