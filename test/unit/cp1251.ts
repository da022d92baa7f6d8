/**
 * Text as Russian Excel saves it: Windows-1251 bytes, built by hand from the code page (Node's
 * TextEncoder writes only UTF-8). ASCII is itself; А–я are 0xC0–0xFF in alphabetical order; Ё, ё,
 * № and the guillemets have their own places.
 */
const SPECIAL: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '«': 0xab, '»': 0xbb };

export function cp1251(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x80) out[i] = code;
    else if (code >= 0x410 && code <= 0x44f) out[i] = 0xc0 + (code - 0x410);
    else if (ch in SPECIAL) out[i] = SPECIAL[ch]!;
    else throw new Error(`no Windows-1251 byte for «${ch}» in this table`);
  }
  return out;
}

/** UTF-16 bytes with or without the BOM Excel writes for «Unicode text». */
export function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array<ArrayBuffer> {
  const units = [...(bom ? [0xfeff] : []), ...[...text].flatMap((c) => { const u: number[] = []; for (let i = 0; i < c.length; i++) u.push(c.charCodeAt(i)); return u; })];
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[i * 2 + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[i * 2 + (order === 'le' ? 1 : 0)] = u >> 8;
  });
  return out;
}
