/**
 * The page's comments as the runtime parsed them: key → element, parsed comment, and the element
 * holding its text. The runtime is its only writer (one entry a comment, the latest element the site
 * drew for it; cleared on navigation); features read it instead of keeping copies of their own.
 */
import type { ParsedComment, SiteAdapter } from '../sites/types';

export interface CommentEntry {
  /** `vk:-123456_1002`, the value of data-otklik-comment (lib/sites/types.ts commentKeyOf). */
  readonly key: string;
  readonly el: Element;
  readonly comment: ParsedComment;
  /** The element holding the comment's text (badges go after it, highlights inside); the comment's own element when the site has none. */
  readonly text: Element;
}

export class CommentIndex {
  private readonly entries = new Map<string, CommentEntry>();

  constructor(private readonly adapter: Pick<SiteAdapter, 'commentTextElement'>) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CommentEntry | undefined {
    return this.entries.get(key);
  }

  [Symbol.iterator](): IterableIterator<CommentEntry> {
    return this.entries.values();
  }

  /** The runtime's: a comment parsed (again, when the site drew it anew). */
  set(key: string, el: Element, comment: ParsedComment): CommentEntry {
    const adapter = this.adapter;
    let text: Element | undefined;
    const entry: CommentEntry = {
      key,
      el,
      comment,
      // Looked up when first needed: most comments never get a badge.
      get text() {
        return (text ??= adapter.commentTextElement?.(el) ?? el);
      },
    };
    this.entries.set(key, entry);
    return entry;
  }

  /** The runtime's: a new page. */
  clear(): void {
    this.entries.clear();
  }
}

/** Puts a node of ours right after the comment's text, or at the end of the comment when the text is the comment. */
export function placeAfterText(entry: Pick<CommentEntry, 'el' | 'text'>, node: Element): void {
  if (entry.text !== entry.el) entry.text.after(node);
  else entry.el.append(node);
}
