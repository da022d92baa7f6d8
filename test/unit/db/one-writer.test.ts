/**
 * One writer of the message store: no file but lib/db/messages.ts (and the database's own upgrades
 * in lib/db/schema.ts) changes `messages`, `summaries` or `outbox`. Every path that changes a
 * message — the side panel, the page (through the background), an import, an exchange file, a
 * restore, team sync — calls the store's functions. The same holds for publication requests: only
 * lib/db/publications.ts writes `publications`, `pubOutbox`, `postStats`, `pageLooks` and `pageFounding`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const STORE = 'lib/db/messages.ts';
const UPGRADES = 'lib/db/schema.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const WRITE = /\b(?:db|tx|this\.db|deps\.db)\s*\.\s*(messages|summaries|outbox)\s*\.\s*(put|bulkPut|add|bulkAdd|update|bulkUpdate|delete|bulkDelete|clear|modify)\b|\.table(?:<[^>]*>)?\(\s*['"](messages|summaries|outbox)['"]\s*\)[^;]*\.(put|bulkPut|add|bulkAdd|update|delete|bulkDelete|clear|modify)\b/;

describe('the message store has one writer', () => {
  const sources = ['lib', 'entrypoints', 'components'].flatMap((d) => files(join(root, d))).map((p) => relative(root, p));

  it('finds the writes it looks for (the check itself works)', () => {
    expect(WRITE.test(readFileSync(join(root, STORE), 'utf8'))).toBe(true);
  });

  it('no other file writes messages, their queue rows or the outbox', () => {
    const offenders = sources
      .filter((p) => p !== STORE && p !== UPGRADES)
      .flatMap((p) =>
        readFileSync(join(root, p), 'utf8')
          .split('\n')
          .map((line, i) => ({ p, i: i + 1, line }))
          .filter(({ line }) => WRITE.test(line)),
      )
      .map(({ p, i, line }) => `${p}:${i}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});

const PUB_STORE = 'lib/db/publications.ts';
const PUB_WRITE = /\b(?:db|tx|this\.db|deps\.db)\s*\.\s*(publications|pubOutbox|postStats|pageLooks|pageFounding)\s*\.\s*(put|bulkPut|add|bulkAdd|update|bulkUpdate|delete|bulkDelete|clear|modify)\b|\.table(?:<[^>]*>)?\(\s*['"](publications|pubOutbox|postStats|pageLooks|pageFounding)['"]\s*\)[^;]*\.(put|bulkPut|add|bulkAdd|update|delete|bulkDelete|clear|modify)\b/;

describe('the publication store has one writer', () => {
  const sources = ['lib', 'entrypoints', 'components'].flatMap((d) => files(join(root, d))).map((p) => relative(root, p));

  it('finds the writes it looks for (the check itself works)', () => {
    const text = readFileSync(join(root, PUB_STORE), 'utf8');
    for (const table of ['publications', 'pubOutbox', 'postStats', 'pageLooks', 'pageFounding']) expect(new RegExp(`db\\.${table}\\.(put|add|bulkAdd|bulkPut|bulkDelete|update)`).test(text)).toBe(true);
    expect(PUB_WRITE.test(text)).toBe(true);
  });

  it('no other file writes requests, their outbox, post figures or page looks', () => {
    const offenders = sources
      .filter((p) => p !== PUB_STORE && p !== UPGRADES)
      .flatMap((p) =>
        readFileSync(join(root, p), 'utf8')
          .split('\n')
          .map((line, i) => ({ p, i: i + 1, line }))
          .filter(({ line }) => PUB_WRITE.test(line)),
      )
      .map(({ p, i, line }) => `${p}:${i}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});
