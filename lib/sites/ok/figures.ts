/**
 * An OK feed card's footer counts and the group's description, cover and avatar. Footer: the widget
 * list `li.widget-list_i[data-widget-item-type=like|comment|reshare]` with `.widget_count` (public OK
 * test suites and scrapers); OK shows no view count on feed cards. The group header is inferred.
 */
import { countText, noFigures, type PageLooksSeen, type PostFigures } from '../figures';
import { OK_FIGURES } from './selectors';

export { OK_FIGURES };


export function okPostFigures(card: Element): PostFigures | null {
  const read = (s: string) => {
    const el = card.querySelector(s);
    return el ? countText(el.textContent, true) : null;
  };
  const figures: PostFigures = { likes: read(OK_FIGURES.likes.css), comments: read(OK_FIGURES.comments.css), reposts: read(OK_FIGURES.reposts.css), views: null };
  return noFigures(figures) ? null : figures;
}

export function okPageLooks(doc: Document): PageLooksSeen {
  return {
    description: !!doc.querySelector(OK_FIGURES.description.css),
    cover: !!doc.querySelector(OK_FIGURES.cover.css),
    avatar: !!doc.querySelector(OK_FIGURES.avatar.css),
  };
}
