/**
 * The CRX3 file read back the way Chromium's verifier reads it (components/crx_file/crx_verifier.cc),
 * with a parser written here from the format, not from the writer: the magic and version, the
 * header's key proof, the SignedData's id, and the RSA-SHA256 signature over SignedData and zip.
 */
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extensionId } from '@/lib/package/extension-id';
import { buildCrx3, SIGNATURE_CONTEXT, updateManifest, varint } from '@/lib/package/crx3';

/** Protobuf fields of wire type 2 (all this format uses), by field number. */
function fields(buf: Buffer): Map<number, Buffer[]> {
  const out = new Map<number, Buffer[]>();
  let i = 0;
  const readVarint = () => {
    let n = 0;
    let shift = 1;
    for (;;) {
      const b = buf[i++]!;
      n += (b & 0x7f) * shift;
      if (b < 0x80) return n;
      shift *= 128;
    }
  };
  while (i < buf.length) {
    const tag = readVarint();
    expect(tag & 7, 'wire type').toBe(2);
    const len = readVarint();
    const value = buf.subarray(i, i + len);
    i += len;
    out.set(tag >>> 3, [...(out.get(tag >>> 3) ?? []), value]);
  }
  return out;
}

function readCrx(crx: Buffer) {
  expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
  expect(crx.readUInt32LE(4)).toBe(3);
  const headerSize = crx.readUInt32LE(8);
  const header = fields(crx.subarray(12, 12 + headerSize));
  const zip = crx.subarray(12 + headerSize);
  const signedData = header.get(10000)![0]!;
  const proofs = (header.get(2) ?? []).map((p) => {
    const f = fields(p);
    return { publicKey: f.get(1)![0]!, signature: f.get(2)![0]! };
  });
  return { zip, signedData, crxId: fields(signedData).get(1)![0]!, proofs };
}

describe('the CRX3 package', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const zip = Buffer.from('PK\x03\x04 a zip stands here', 'latin1');
  const crx = buildCrx3(zip, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);

  it('carries the zip after a header Chromium can read', () => {
    const { zip: inside, proofs } = readCrx(crx);
    expect(inside.equals(zip)).toBe(true);
    expect(proofs).toHaveLength(1);
    expect(createPublicKey({ key: proofs[0]!.publicKey, format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' })).toBe(
      publicKey.export({ format: 'pem', type: 'spki' }),
    );
  });

  it('is signed over the signed data and the zip, and the signature checks out with the key in it', () => {
    const { zip: inside, signedData, proofs } = readCrx(crx);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(signedData.length);
    const signed = Buffer.concat([SIGNATURE_CONTEXT, len, signedData, inside]);
    const key = createPublicKey({ key: proofs[0]!.publicKey, format: 'der', type: 'spki' });
    expect(verify('sha256', signed, key, proofs[0]!.signature)).toBe(true);
    // A changed byte in the zip breaks it: Chromium would refuse the file.
    const tampered = Buffer.from(signed);
    tampered[tampered.length - 1] ^= 1;
    expect(verify('sha256', tampered, key, proofs[0]!.signature)).toBe(false);
  });

  it('names the extension id that the key gives (the id policies use)', () => {
    const { crxId, proofs } = readCrx(crx);
    expect(crxId.equals(createHash('sha256').update(proofs[0]!.publicKey).digest().subarray(0, 16))).toBe(true);
    const id = extensionId(publicKey);
    expect(id).toMatch(/^[a-p]{32}$/);
    expect([...crxId].map((b) => String.fromCharCode(97 + (b >> 4), 97 + (b & 15))).join('')).toBe(id);
  });

  it('writes the header field numbers as protobuf does', () => {
    // Field number 10000's tag is three bytes long.
    expect([...varint(10000 * 8 + 2)]).toEqual([0x82, 0xf1, 0x04]);
  });

  it('refuses a key that is not RSA', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    expect(() => buildCrx3(zip, ec)).toThrow(/RSA/);
  });

  it('writes the update manifest with the id, version and address, escaped', () => {
    const xml = updateManifest({ id: 'abcdefghijklmnopabcdefghijklmnop', version: '0.1.0', crxUrl: "https://ext.admomsk.ru/otklik.crx?a=1&b='2'" });
    expect(xml).toContain("<app appid='abcdefghijklmnopabcdefghijklmnop'>");
    expect(xml).toContain("codebase='https://ext.admomsk.ru/otklik.crx?a=1&amp;b=&apos;2&apos;' version='0.1.0'");
  });
});
