/**
 * `page [<file.html>] --url <address> [--now <ISO>] [--zone <IANA>]` (or the page on stdin): what
 * the adapter for the address reads on a saved page, one JSON object a line — each post and each
 * comment in the page's order, then a `{"kind":"summary"}` line with the page check's counts. The
 * same parsing code as the content script (lib/sites), on a DOM built by happy-dom; the page's
 * scripts never run and nothing is fetched.
 */
import { readFile } from 'node:fs/promises';
import { Window } from 'happy-dom';
import { adapterFor } from '../sites';
import { checkPage, selectorCounts } from '../sites/check';
import { commentKeyOf, postKeyOf, type ParseContext, type ParsedComment, type ParsedPost } from '../sites/types';
import { decodeTextFile } from '../text-file';
import { formatInZone, isValidZone, parseInZone } from '../worktime/civil';
import type { Command, CommandIO } from './types';
import { UsageError, readFlags } from './worktime';

const DEFAULT_ZONE = 'Asia/Omsk';
const USAGE = 'использование: page [<файл.html>] --url <адрес страницы> [--now <ISO 8601>] [--zone <часовой пояс>] (без файла — страница из stdin)';
/** What Chrome writes at the top of a page saved with «Сохранить как»: `<!-- saved from url=(0033)https://… -->`. */
const SAVED_FROM = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i;
/** On a page saved with the extension running: Otklik's own badges and panel are not the page's. */
const OURS = '[data-otklik-ui], otklik-panel';

function readStream(io: CommandIO): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    io.stdin.on('data', (c: Buffer | string) => chunks.push(typeof c === 'string' ? Buffer.from(c) : c));
    io.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    io.stdin.on('error', reject);
  });
}

/** `--name value` pairs to readFlags, and at most one bare argument: the file. */
function splitArgs(args: string[]): { file: string | null; flags: string[] } {
  const flags: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) files.push(arg);
    else {
      flags.push(arg);
      if (!arg.includes('=') && i + 1 < args.length && !args[i + 1]!.startsWith('--')) flags.push(args[++i]!);
    }
  }
  if (files.length > 1) throw new UsageError(`укажите один файл, а не ${files.length}; ${USAGE}`);
  return { file: files[0] ?? null, flags };
}

function postLine(p: ParsedPost, zone: string) {
  return {
    kind: 'post',
    key: postKeyOf(p),
    time: p.publishedAt === null ? null : formatInZone(p.publishedAt, zone),
    author: { id: p.authorId, name: p.authorName },
    text: p.text,
    pinned: p.pinned,
    foreign: p.foreign,
    repost: p.repost,
    permalink: p.permalink,
  };
}

function commentLine(c: ParsedComment, zone: string) {
  return {
    kind: 'comment',
    key: commentKeyOf(c),
    post: c.postId === null ? null : postKeyOf({ site: c.site, id: c.postId }),
    parent: c.parentId === null ? null : commentKeyOf({ site: c.site, id: c.parentId }),
    time: c.publishedAt === null ? null : formatInZone(c.publishedAt, zone),
    author: { id: c.authorId, name: c.authorName, url: c.authorUrl },
    text: c.text,
    own: c.own,
    permalink: c.permalink,
  };
}

/** The lines `page` prints for a page's HTML read at an address (exported for the tests). */
export function readSavedPage(html: string, options: { url?: string; now: number; zone: string }): unknown[] {
  const url = options.url ?? SAVED_FROM.exec(html.slice(0, 4096))?.[1];
  if (!url) throw new UsageError(`не указан --url, и в файле нет строки «saved from url»; ${USAGE}`);
  const adapter = adapterFor(url);
  if (!adapter) throw new UsageError(`«${url}» — не страница ВКонтакте или Одноклассников`);

  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    for (const el of doc.querySelectorAll(OURS)) el.remove();
    const ctx: ParseContext = { url, now: options.now, timeZone: options.zone };
    const page = adapter.pageInfo(doc, ctx);
    const withPage = { ...ctx, page };

    const items: { el: Element; line: unknown }[] = [];
    const posts = new Set<string>();
    for (const el of adapter.postElements(doc)) {
      const p = adapter.parsePost(el, withPage);
      // a post open in a layer is also on the wall under it: printed once
      if (!p || posts.has(p.id)) continue;
      posts.add(p.id);
      items.push({ el, line: postLine(p, options.zone) });
    }
    for (const el of adapter.commentElements(doc)) {
      const c = adapter.parseComment(el, withPage);
      if (c) items.push({ el, line: commentLine(c, options.zone) });
    }
    // The page's order: a post before its comments, a thread's root before its replies.
    items.sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));

    const { site, kind, ...counts } = checkPage(adapter, doc, ctx);
    const summary = {
      kind: 'summary',
      site,
      page: { kind, url: page.url, ownerId: page.ownerId, name: page.name, postId: page.postId ?? null },
      ...counts,
      selectors: adapter.selectors ? selectorCounts(adapter.selectors, doc) : {},
    };
    return [...items.map((i) => i.line), summary];
  } finally {
    void window.happyDOM.close();
  }
}

export const pageCommand: Command = async (args, io) => {
  try {
    const { file, flags: rest } = splitArgs(args);
    const flags = readFlags(rest, ['url', 'now', 'zone']);
    const zone = flags.zone ?? DEFAULT_ZONE;
    if (!isValidZone(zone)) throw new UsageError(`--zone: «${zone}» — не часовой пояс IANA (например, Asia/Omsk)`);
    let now = Date.now();
    if (flags.now !== undefined) {
      const at = parseInZone(flags.now, zone);
      if (at === undefined) throw new UsageError(`--now: «${flags.now}» — не дата и время в ISO 8601`);
      now = at;
    }
    let bytes: Uint8Array;
    try {
      bytes = file === null ? await readStream(io) : await readFile(file);
    } catch {
      throw new Error(`не удалось прочитать файл «${file}»`);
    }
    const { text } = decodeTextFile(bytes);
    if (!text.trim()) throw new UsageError(`страница пуста: передайте сохранённый HTML файлом или через stdin; ${USAGE}`);
    const lines = readSavedPage(text, { url: flags.url, now, zone });
    io.stdout.write(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`Ошибка: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
};
