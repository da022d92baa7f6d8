import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const root = resolve(__dirname, '../..');

/** Every module a file pulls in, following relative and `@/` imports, type-only imports aside. */
export function imports(file: string, seen = new Set<string>()): Set<string> {
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

