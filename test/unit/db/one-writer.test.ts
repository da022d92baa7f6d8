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

/** A message table named but not read on the spot: held in a list, passed on, its writes out of the line's sight. */
const HELD = /\b(?:db|tx|this\.db|deps\.db)\s*\.\s*(messages|summaries|outbox)\b(?!\s*\.\s*(?:get|bulkGet|toArray|where|count|orderBy|filter|each|toCollection|limit|offset|reverse|name)\b)/;
/** What may follow such a list: a read-only transaction, or counting. */
const READ_ONLY_USE = /transaction\(\s*'r'\s*,|\.map\(\(t\) => t\.count\(\)\)/;

describe('every path that changes a message goes through the store', () => {
  const sources = ['lib', 'entrypoints', 'components'].flatMap((d) => files(join(root, d))).map((p) => relative(root, p));
  const text = (p: string) => readFileSync(join(root, p), 'utf8');

  it('finds a table held in a list (the check itself works)', () => {
    expect(HELD.test('const all = [db.pages, db.messages];')).toBe(true);
    expect(HELD.test('await db.messages.get(id)')).toBe(false);
  });

  it('a message table held outside the store (a list of tables) is only read', () => {
    const offenders = sources
      .filter((p) => p !== STORE && p !== UPGRADES)
      .flatMap((p) => {
        const lines = text(p).split('\n');
        return lines
          .map((line, i) => ({ p, i, line }))
          .filter(({ line, i }) => HELD.test(line) && !lines.slice(i, i + 3).some((l) => READ_ONLY_USE.test(l)));
      })
      .map(({ p, i, line }) => `${p}:${i + 1}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('the side panel names no table: its entry point builds models, the models call lib/db', () => {
    const entry = text('entrypoints/sidepanel/main.tsx');
    expect(entry).not.toMatch(/\bdb\s*\.\s*[a-zA-Z]+\s*\./);
    expect(entry).not.toMatch(/from '@\/lib\/db\/messages'/);
    for (const p of sources.filter((f) => f.startsWith('lib/workspace/'))) expect(text(p), p).not.toMatch(/\bdb\s*\.\s*(messages|summaries|outbox)\s*\.\s*(?!toArray|get\b)/);
  });

  // Each path, and the store's functions it calls to change a message.
  const PATHS: [string, string, RegExp][] = [
    ['the side panel (an act on the card)', 'lib/workspace/card.ts', /\bappendEvent\(db,/],
    ['the side panel (an import, a bulk act)', 'lib/workspace/queue.ts', /\bimportMessages\(db,[\s\S]*\bappendEvents\(db,/],
    ['the page, through the background', 'lib/background/messages.ts', /\b(putMessage|appendEvent)\(db,/],
    ['an exchange file', 'lib/exchange/exchange.ts', /\bstoreRecords\(db,/],
    ['a restore', 'lib/backup/restore.ts', /\breplaceMessages\(db,/],
  ];
  for (const [what, file, call] of PATHS)
    it(`${what} calls the store (${file})`, () => {
      const source = text(file);
      expect(source).toMatch(/from '(?:\.\.\/db|@\/lib\/db|\.)\/messages'/);
      expect(source).toMatch(call);
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
