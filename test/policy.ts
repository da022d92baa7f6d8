/**
 * Real Chromium policy for one test browser only. Debian's Chromium reads machine policy from
 * /etc/chromium/policies/managed (there is no per-profile policy switch); the test's Chromium is
 * started in a mount namespace of its own (`unshare -m`, root) where /etc/chromium is a temporary
 * folder holding the test's policy. No file is written under /etc, and browsers of other tests
 * running meanwhile never see it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from './browser';

/** Whether this process may start a browser in a mount namespace of its own (root, as in .ci/run). */
export function canIsolatePolicy(): boolean {
  return spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs none /mnt'], { stdio: 'ignore' }).status === 0;
}

/** A Chromium that sees `policy` as machine policy: the path to start it by, and how to clean up. */
export function chromiumWithPolicy(policy: object): { executable: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-policy-'));
  const etc = join(dir, 'etc');
  mkdirSync(join(etc, 'policies/managed'), { recursive: true });
  if (existsSync('/etc/chromium')) cpSync('/etc/chromium', etc, { recursive: true });
  writeFileSync(join(etc, 'policies/managed/otklik-test.json'), JSON.stringify(policy));
  const executable = join(dir, 'chromium');
  writeFileSync(executable, `#!/bin/sh\nexec unshare -m sh -c 'mount --bind "$0" /etc/chromium && exec "${chromiumPath()}" "$@"' '${etc}' "$@"\n`);
  chmodSync(executable, 0o755);
  return { executable, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
