import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { plainText } from '@/lib/sites/dom';
import { contextFor, loadFixture } from './fixtures';

function el(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('plainText', () => {
  it.each([
    ['one<br>two', 'one\ntwo'],
    ['one<br/>two<br><br>three', 'one\ntwo\n\nthree'],
    ['  spaced \n  out  ', 'spaced out'],
    ['a <b>bold</b> <i>word</i>', 'a bold word'],
    ['&lt;b&gt;not bold&lt;/b&gt;', '<b>not bold</b>'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['5 &amp;amp; 6', '5 &amp; 6'],
    ['like <img class="emoji" alt="👍" src="data:,">', 'like 👍'],
    ['a&nbsp;b', 'a b'],
    ['line <br> next', 'line\nnext'],
    ['<a href="/away.php?to=x">link text</a>', 'link text'],
    // One text node under wrappers: the short way gives what the long way would.
    ['<div><span>  one \n  line&nbsp;only </span></div>', 'one line only'],
    ['<div><div>\u00a0 padded \t</div></div>', 'padded'],
    ['<div><div></div></div>', ''],
    ['<div><br></div>', ''],
    ['<div><img alt="🙂"></div>', '🙂'],
  ])('%s → %j', (html, text) => {
    expect(plainText(el(html))).toBe(text);
  });
});

describe('text that looks like HTML stays text', () => {
  it.each([
    ['vk/new-ui-post-flat.html', '-123456_1104', '<b>жирный</b> <script>alert(1)</script> &amp; <img src=x onerror=alert(2)>'],
    ['vk/deleted-comment.html', '-123456_2105', 'Смотрите: <img src=x onerror=alert(1)> </div> — это просто текст'],
    ['ok/topic-variants.html', '155000000010_913', 'Анна Сергеевна, Лермонтова в плане на июнь <b>точно</b>.'],
  ])('%s %s', (fixture, id, text) => {
    const doc = loadFixture(fixture);
    const ctx = contextFor(fixture);
    const adapter = adapterFor(ctx.url)!;
    const comment = adapter.commentElements(doc).map((e) => adapter.parseComment(e, ctx)).find((c) => c?.id === id);
    expect(comment?.text).toBe(text);
    // the markup in the source was escaped: no element came from it
    const source = adapter.commentElements(doc).find((e) => adapter.parseComment(e, ctx)?.id === id)!;
    expect(source.querySelector('script, b, img[onerror]')).toBeNull();
  });
});

describe('reply box helpers', () => {
  it.each([
    ['vk/new-ui-post.html', '[data-testid="content-editable-input"]'],
    ['vk/new-ui-post-flat.html', '[data-testid="content-editable-input"]'],
    ['vk/classic-wall.html', '#reply_field-123456_2001'],
    ['vk/deleted-comment.html', '#reply_field-123456_2101'],
    ['ok/topic.html', '#field_1'],
    ['ok/topic-variants.html', '#field_2'],
    ['ok/topic-attributes.html', '#field_3'],
    ['vk/new-ui-post-expanded.html', '[data-testid="content-editable-input"]'],
  ])('%s: the composer is the contenteditable comment input', (fixture, expected) => {
    const doc = loadFixture(fixture);
    const adapter = adapterFor(contextFor(fixture).url)!;
    const composer = adapter.composer!(doc);
    expect(composer).toBe(doc.querySelector(expected));
    expect(composer?.getAttribute('contenteditable')).toBe('true');
  });

  it('mvk/post.html: the composer is the reply form\'s textarea, not the search box', () => {
    const doc = loadFixture('mvk/post.html');
    const composer = adapterFor(contextFor('mvk/post.html').url)!.composer!(doc);
    expect(composer).toBe(doc.querySelector('.RepliesForm textarea[name="message"]'));
  });

  it('finds the composer of a given post', () => {
    const doc = loadFixture('vk/classic-wall.html');
    const adapter = adapterFor('https://vk.com/public123456')!;
    const [withBox, withoutBox] = adapter.postElements(doc);
    expect(adapter.composer!(withBox)?.id).toBe('reply_field-123456_2001');
    expect(adapter.composer!(withoutBox)).toBeNull();
  });

  it.each([
    ['vk/new-ui-wall.html'],
    ['vk/classic-wall-extras.html'],
    ['ok/group-feed.html'],
    ['mvk/wall.html'],
  ])('%s has no composer', (fixture) => {
    expect(adapterFor(contextFor(fixture).url)!.composer!(loadFixture(fixture))).toBeNull();
  });

  it('the thread root\'s «Ответить» is its own, not a reply\'s', () => {
    const doc = loadFixture('vk/new-ui-post.html');
    const adapter = adapterFor('https://vk.com/wall-123456_1001')!;
    const root = doc.getElementById('111_1002')!;
    const control = adapter.replyControl!(root)!;
    expect(control.closest('[data-testid="wall_comments_comment_in_thread"]')).toBeNull();
    expect(root.contains(control)).toBe(true);
  });
});

describe('comment text element', () => {
  it.each([
    ['vk/new-ui-post.html', 'https://vk.com/wall-123456_1001'],
    ['vk/classic-wall.html', 'https://vk.com/public123456'],
    ['ok/topic.html', 'https://ok.ru/group/70000001234567/topic/155000000001'],
    ['ok/topic-attributes.html', 'https://ok.ru/group/70000001234567/topic/155000000020'],
    ['vk/new-ui-post-expanded.html', 'https://vk.com/wall-123456_1201'],
    ['mvk/post.html', 'https://m.vk.com/wall-123456_1301'],
  ])('%s: holds exactly the parsed text, never a nested reply\'s', (fixture, url) => {
    const doc = loadFixture(fixture);
    const adapter = adapterFor(url)!;
    const ctx = contextFor(fixture);
    for (const el of adapter.commentElements(doc)) {
      if (!adapter.parseComment(el, ctx)) continue;
      const textEl = adapter.commentTextElement!(el)!;
      expect(plainText(textEl)).toBe(adapter.parseComment(el, ctx)!.text);
      expect(adapter.commentElements(doc).filter((c) => c.contains(textEl)).at(-1)).toBe(el);
    }
  });
});

describe('OK deleted placeholder', () => {
  const adapter = adapterFor('https://ok.ru/group/1/topic/2')!;
  it('a comment block without an author and with «Комментарий удалён» is a placeholder', () => {
    const host = el(`<div class="comments_current" data-seen-params='{"data":{"commentId":"2_9"}}'><span>Комментарий удалён</span></div>`);
    const block = host.firstElementChild!;
    expect(adapter.isDeletedPlaceholder!(block)).toBe(true);
    expect(adapter.deletedCommentId!(block, contextFor('ok/topic.html'))).toBe('2_9');
    expect(adapter.parseComment(block, contextFor('ok/topic.html'))).toBeNull();
  });

  it.each([
    // the block itself marked deleted, its content kept (OKT: `.comments_i.__deleted`)
    `<div class="comments_i __deleted" data-seen-params='{"data":{"commentId":"2_9"}}'><a class="comments_author-name" href="/profile/5"><span>Олег</span></a><span class="js-text-full">текст</span></div>`,
    // a block inside the comment marked deleted, with the undo stub (OKT: `a.delete-stub_cancel`)
    `<div data-seen-params='{"data":{"commentId":"2_9"}}'><div class="comments_i __deleted"><a class="comments_author-name" href="/profile/5"><span>Олег</span></a><div class="delete-stub">Комментарий удалён <a class="delete-stub_cancel">Восстановить</a></div></div></div>`,
  ])('a block OK marks deleted is a placeholder, author or not: %s', (html) => {
    const block = el(`<div class="comments_lst"><div class="comments_lst_cnt"><div id="hook_Block_C9">${html}</div></div></div>`).querySelector('[data-seen-params]')!;
    expect(adapter.commentElements(block)).toEqual([block]);
    expect(adapter.isDeletedPlaceholder!(block)).toBe(true);
    expect(adapter.deletedCommentId!(block, contextFor('ok/topic.html'))).toBe('2_9');
    expect(adapter.parseComment(block, contextFor('ok/topic.html'))).toBeNull();
  });

  it('leaves a placeholder, so a block that leaves the page is not a deletion', () => {
    expect(adapter.deletionLeavesPlaceholder).toBe(true);
  });
});

describe('expanded text (showmoretext-in → showmoretext-in-expanded)', () => {
  const url = 'https://vk.com/wall-1_2';
  const ctx = { url, now: Date.parse('2025-05-07T13:00:00+06:00'), timeZone: 'Asia/Omsk' };
  const comment = (inner: string) =>
    new DOMParser().parseFromString(`<div data-testid="wall_comments_comment_root" id="5_3"><a data-testid="comment-avatar" href="/id5"></a>
      <a href="/id5"><div data-testid="comment-owner">Имя</div></a><div data-testid="comment-text">${inner}</div>
      <a data-testid="wall_comment_date" href="/wall-1_2?reply=3">вчера</a></div>`, 'text/html');

  it.each([
    ['collapsed', '<div data-testid="showmoretext-in">Первая строка<br>вторая</div>'],
    ['expanded', '<div data-testid="showmoretext-in-expanded">Первая строка<br>вторая</div>'],
    // whatever the site draws beside the text (a «Показать ещё» control) is not the comment's words
    ['expanded, a control beside it', '<div data-testid="showmoretext-in-expanded">Первая строка<br>вторая</div><button>Свернуть</button>'],
    ['collapsed, a control beside it', '<div data-testid="showmoretext-in">Первая строка<br>вторая</div><span role="button">Показать ещё</span>'],
    ['no show-more block at all', 'Первая строка<br>вторая'],
  ])('a comment, %s', (_case, inner) => {
    const doc = comment(inner);
    const adapter = adapterFor(url)!;
    expect(adapter.parseComment(adapter.commentElements(doc)[0]!, ctx)!.text).toBe('Первая строка\nвторая');
  });

  it.each(['showmoretext-in', 'showmoretext-in-expanded'])('a post whose text block is %s', (testid) => {
    const doc = new DOMParser().parseFromString(`<div data-testid="post" data-post-id="-1_2"><a data-testid="post-header-title" href="/club1">Г</a>
      <span data-testid="post_date_block_preview">вчера</span><div data-testid="post-content-container"><div data-testid="showmoretext">
      <div data-testid="${testid}">Текст поста<br>целиком</div></div></div></div>`, 'text/html');
    const adapter = adapterFor(url)!;
    expect(adapter.parsePost(adapter.postElements(doc)[0]!, ctx)!.text).toBe('Текст поста\nцеликом');
  });
});
