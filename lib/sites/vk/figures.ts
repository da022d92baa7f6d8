/**
 * A VK post's footer counts and the community's description, cover and avatar. Selectors as in
 * selectors.ts, with a comment for each markup; proven by test/fixtures/footers (test/unit/sites/figures.test.ts).
 * Sources: research/markup-2026.md (footer actions `post_footer_action_*`, BN, DZ) and public scrapers
 * of the classic markup (`.like_btn` with `data-count`, `.like_views`); inferred where marked.
 */
import { ownQuery } from '../dom';
import { countText, noFigures, type PageLooksSeen, type PostFigures } from '../figures';
import { selector } from '../selectors';

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

/** The first of the button's count, title, label and text that holds a number («Нравится» alone does not). */
function read(el: Element | null, emptyIsZero: boolean): number | null {
  if (!el) return null;
  for (const raw of [el.getAttribute('data-count'), el.getAttribute('title'), el.getAttribute('aria-label'), el.textContent]) {
    const n = raw && /\d/.test(raw) ? countText(raw) : null;
    if (n !== null) return n;
  }
  return emptyIsZero ? 0 : null;
}

/** The footer of one post (its own, never a repost copy's inside it), or null when it has none. */
export function vkPostFigures(post: Element, scope: string): PostFigures | null {
  const q = (s: string) => ownQuery(post, s, scope);
  const figures: PostFigures = {
    // An action button with no number means nobody has pressed it yet.
    likes: read(q(VK_FIGURES.likes.css), true),
    comments: read(q(VK_FIGURES.comments.css), true),
    reposts: read(q(VK_FIGURES.reposts.css), true),
    views: read(q(VK_FIGURES.views.css), false),
  };
  return noFigures(figures) ? null : figures;
}

export function vkPageLooks(doc: Document): PageLooksSeen {
  return {
    description: !!doc.querySelector(VK_FIGURES.description.css),
    cover: !!doc.querySelector(VK_FIGURES.cover.css),
    avatar: !!doc.querySelector(VK_FIGURES.avatar.css),
  };
}
