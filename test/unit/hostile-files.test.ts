/**
 * Every door through which a file enters Otklik gets the same hostile files: each is refused with a
 * reason in Russian, nothing throws, and nothing is stored. A new importer joins the list below.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseBackup } from '@/lib/backup/parse';
import { parseExchange } from '@/lib/exchange/exchange';
import { buildImport, inspectImport, suggestMapping } from '@/lib/messages/import';
import { readRegistryFile } from '@/lib/registry/import';
import { replyTemplatesFromFile } from '@/lib/replies/file';
import { lexiconFromFile } from '@/lib/settings/lexicon';
import { addCalendarYear } from '@/lib/settings/worktime';
import { decodeTextFile } from '@/lib/text-file';

type Verdict = { ok: boolean; errors: string[] };
const said = (r: { ok: boolean; errors?: string[]; error?: string }): Verdict => ({ ok: r.ok, errors: r.errors ?? (r.error ? [r.error] : []) });

/** The files: what a careless user picks and what a hostile one crafts. */
const HOSTILE: Record<string, string | Uint8Array> = {
  'an empty file': '',
  'only spaces and line breaks': ' \r\n\t\n ',
  'only a byte-order mark': '\ufeff',
  'an Excel workbook (binary)': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]),
  'a NUL in the middle': 'Текст;Ссылка\n\u0000\u0000;https://vk.com/wall-1_1',
  'JSON cut short': '{"kind":"otklik-backup","version":1,"tables":{',
  'JSON of nothing': 'null',
  'a JSON number': '42',
  'a JSON string': '"<script>alert(1)</script>"',
  'a JSON array of junk': '[1, "два", null, {"__proto__": {"polluted": true}}]',
  'a prototype-polluting object': '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
  'another program’s JSON': '{"kind":"something-else","version":7,"items":[]}',
  'a CSV with an unclosed quote': 'Текст;Ссылка;Получено\n"Когда уберут снег?;https://vk.com/wall-1_1;2025-09-16 11:00\n',
  'a CSV of formulas and markup only': '=HYPERLINK("http://evil");+1;-1;@SUM(A1)\n<img src=x onerror=alert(1)>;javascript:alert(1);\t=1\n',
  'HTML saved as .csv': '<!doctype html><html><body><table><tr><td>Текст</td></tr></table></body></html>',
};

/** The messages import as the dialog runs it: inspect, the suggested columns, build. */
function importMessages(text: string, format: 'csv' | 'json'): Verdict {
  const inspected = inspectImport(text, format);
  if (!inspected.ok) return said(inspected);
  const options = { now: Date.UTC(2026, 11, 1), actor: { role: 'curator' as const, name: 'Анна' }, zone: 'Asia/Omsk' };
  return said(buildImport(text, format, suggestMapping(inspected.columns), options));
}

/** The doors. Each returns the verdict in its own shape; `said` reads it. */
const DOORS: Record<string, (text: string) => Verdict | Promise<Verdict>> = {
  'messages import (CSV)': (text) => importMessages(text, 'csv'),
  'messages import (JSON)': (text) => importMessages(text, 'json'),
  'registry import (CSV)': (text) => said(readRegistryFile(text, 'csv')),
  'registry import (JSON)': (text) => said(readRegistryFile(text, 'json')),
  'backup restore': (text) => said(parseBackup(text)),
  'exchange file': (text) => said(parseExchange(text)),
  'team words (lexicon) import': (text) => said(lexiconFromFile(text)),
  'saved replies import': (text) => said(replyTemplatesFromFile(text)),
  'production calendar year': async (text) => said(await addCalendarYear(text)),
};

describe('hostile files at every door', () => {
  for (const [door, open] of Object.entries(DOORS)) {
    for (const [what, content] of Object.entries(HOSTILE)) {
      it(`${door} refuses ${what} in Russian, changing nothing`, async () => {
        fakeBrowser.reset();
        const text = typeof content === 'string' ? content : decodeTextFile(content).text;
        const before = await fakeBrowser.storage.local.get(null);
        let verdict: Verdict | undefined;
        await expect((async () => (verdict = await open(text)))()).resolves.toBeDefined();
        expect(verdict!.ok, `${door}: ${what}`).toBe(false);
        expect(verdict!.errors.length).toBeGreaterThan(0);
        for (const e of verdict!.errors) expect(e).toMatch(/[а-яё]/i);
        expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    }
  }
});
