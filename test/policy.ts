/**
 * Real Chromium policy for the tests: Debian's Chromium reads every JSON file in
 * /etc/chromium/policies/managed at start (there is no per-profile policy switch). A test writes one
 * file of its own, naming only its own test extension id, and removes it — and the folder, if it made
 * it — when it is done, so other browsers running meanwhile see nothing that concerns them.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync, accessSync, constants } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** Whether this process may write machine policy (root, as in .ci/run); the tests say so when not. */
export function canWritePolicy(): boolean {
  let dir = CHROMIUM_POLICY_DIR;
  while (!existsSync(dir)) dir = join(dir, '..');
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function writeChromiumPolicy(policy: object): () => void {
  const made: string[] = [];
  for (let dir = CHROMIUM_POLICY_DIR; !existsSync(dir); dir = join(dir, '..')) made.unshift(dir);
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const file = join(CHROMIUM_POLICY_DIR, `otklik-test-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(policy));
  const remove = () => {
    rmSync(file, { force: true });
    for (const dir of made.reverse()) if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    process.off('exit', remove);
  };
  process.on('exit', remove);
  return remove;
}
