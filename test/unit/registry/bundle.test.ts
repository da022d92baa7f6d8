import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');

/** Every module a file pulls in, following relative and `@/` imports, type-only imports aside. */
function imports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
    const spec = m[1];
    if (spec.startsWith('.') || spec.startsWith('@/')) {
      const base = spec.startsWith('@/') ? resolve(root, spec.slice(2)) : resolve(dirname(file), spec);
      for (const ext of ['.ts', '.tsx', '/index.ts']) {
        try {
          readFileSync(base + ext);
          imports(base + ext, seen);
          break;
        } catch {
          // try the next extension
        }
      }
    } else seen.add(spec);
  }
  return seen;
}

describe('what the in-page panel may import stays free of zod', () => {
  it.each([
    'lib/registry/match.ts',
    'lib/registry/protection.ts',
    'lib/registry/export.ts',
    'lib/quota/summary.ts',
    'lib/quota/text.ts',
    'components/quota/WeeklyQuotaPanel.tsx',
    'components/registry/AddToRegistryOffer.tsx',
  ])('%s', (file) => {
    expect([...imports(resolve(root, file))]).not.toContain('zod');
  });

  it('the check does see zod where it is', () => {
    expect([...imports(resolve(root, 'lib/registry/import.ts'))]).toContain('zod');
  });
});
