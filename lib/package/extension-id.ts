/**
 * The id Chromium gives an extension signed with a key (or carrying it as the manifest's `key`):
 * the first 128 bits of the SHA-256 of the public key (DER, SubjectPublicKeyInfo), each hex digit
 * written as a letter a–p. The policies that install and configure the extension name it by this id.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

export function publicKeyDer(key: KeyObject | string): Buffer {
  const pub = typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key);
  return pub.export({ type: 'spki', format: 'der' });
}

export function extensionId(key: KeyObject | string | Buffer): string {
  const der = Buffer.isBuffer(key) ? key : publicKeyDer(key);
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}
