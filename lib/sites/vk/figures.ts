/**
 * A VK post's footer counts and the community's description, cover and avatar. Selectors in
 * selectors.ts, with a comment for each markup; proven by test/fixtures/footers (test/unit/sites/figures.test.ts).
 * Sources: research/markup-2026.md (footer actions `post_footer_action_*`, BN, DZ) and public scrapers
 * of the classic markup (`.like_btn` with `data-count`, `.like_views`); inferred where marked.
 */
import { ownQuery } from '../dom';
import { countText, noFigures, type PageLooksSeen, type PostFigures } from '../figures';
import { VK_FIGURES } from './selectors';

export { VK_FIGURES };


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
