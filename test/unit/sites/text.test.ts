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
  ])('%s: the composer is the contenteditable comment input', (fixture, expected) => {
    const doc = loadFixture(fixture);
    const adapter = adapterFor(contextFor(fixture).url)!;
    const composer = adapter.composer!(doc);
    expect(composer).toBe(doc.querySelector(expected));
    expect(composer?.getAttribute('contenteditable')).toBe('true');
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
  ])('%s: holds exactly the parsed text, never a nested reply\'s', (fixture, url) => {
    const doc = loadFixture(fixture);
    const adapter = adapterFor(url)!;
    const ctx = contextFor(fixture);
    for (const el of adapter.commentElements(doc)) {
      const textEl = adapter.commentTextElement!(el)!;
      expect(plainText(textEl)).toBe(adapter.parseComment(el, ctx)!.text);
      expect(adapter.commentElements(doc).filter((c) => c.contains(textEl)).at(-1)).toBe(el);
    }
  });
});

describe('OK deleted placeholder (should OK ever leave one)', () => {
  it('a comment block without an author and with «Комментарий удалён» is a placeholder', () => {
    const adapter = adapterFor('https://ok.ru/group/1/topic/2')!;
    const host = el(`<div class="comments_current" data-seen-params='{"data":{"commentId":"2_9"}}'><span>Комментарий удалён</span></div>`);
    const block = host.firstElementChild!;
    expect(adapter.isDeletedPlaceholder!(block)).toBe(true);
    expect(adapter.deletedCommentId!(block, contextFor('ok/topic.html'))).toBe('2_9');
    expect(adapter.parseComment(block, contextFor('ok/topic.html'))).toBeNull();
    expect(adapter.deletionLeavesPlaceholder).toBe(false);
  });
});
