/**
 * A CRX3 file, written by hand: Chromium's format for a signed extension ("Cr24", version 3, a
 * protobuf header, then the zip). The header carries the RSA public key, the SignedData naming the
 * extension id, and an RSA-SHA256 signature over both the SignedData and the zip, so that an
 * organisation can host the extension itself and the browser checks it came from the key's holder.
 * Format: Chromium's components/crx_file/crx3.proto and crx_verifier.cc.
 */
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';

const MAGIC = Buffer.from('Cr24');
/** What the signature covers first: this text and a NUL, then the SignedData's length and bytes. */
export const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'latin1');

/** Protobuf's base-128 variable-length integer. */
export function varint(n: number): Buffer {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}

/** One length-delimited protobuf field (wire type 2). */
export function bytesField(field: number, value: Buffer): Buffer {
  return Buffer.concat([varint(field * 8 + 2), varint(value.length), value]);
}

const uint32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

/** The CRX file for a zip, signed with the organisation's RSA private key (PEM text or a key object). */
export function buildCrx3(zip: Buffer, privateKey: string | KeyObject): Buffer {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  if (key.asymmetricKeyType !== 'rsa') throw new Error('Нужен ключ RSA (например, openssl genrsa -out otklik.pem 2048)');
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'der' });
  // SignedData { bytes crx_id = 1; }: the first 16 bytes of the key's SHA-256, the extension id in bytes.
  const signedData = bytesField(1, createHash('sha256').update(publicKey).digest().subarray(0, 16));
  const signature = sign('sha256', Buffer.concat([SIGNATURE_CONTEXT, uint32(signedData.length), signedData, zip]), key);
  // CrxFileHeader { repeated AsymmetricKeyProof sha256_with_rsa = 2; bytes signed_header_data = 10000; }
  // AsymmetricKeyProof { bytes public_key = 1; bytes signature = 2; }
  const header = Buffer.concat([bytesField(2, Buffer.concat([bytesField(1, publicKey), bytesField(2, signature)])), bytesField(10000, signedData)]);
  return Buffer.concat([MAGIC, uint32(3), uint32(header.length), header, zip]);
}

/** The update manifest Chromium reads for a self-hosted extension (the «gupdate» format). */
export function updateManifest(o: { id: string; version: string; crxUrl: string }): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${attr(o.id)}'>`,
    `    <updatecheck codebase='${attr(o.crxUrl)}' version='${attr(o.version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}
