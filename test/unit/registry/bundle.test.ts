import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imports, root } from '../imports';

describe('what the in-page panel may import stays free of zod', () => {
  it.each([
    'lib/registry/match.ts',
    'lib/registry/protection.ts',
    'lib/registry/export.ts',
    'lib/quota/summary.ts',
    'lib/quota/text.ts',
    'components/page/WeeklyQuotaPanel.tsx',
    'components/page/AddToRegistryOffer.tsx',
  ])('%s', (file) => {
    expect([...imports(resolve(root, file))]).not.toContain('zod');
  });

  it('the check does see zod where it is', () => {
    expect([...imports(resolve(root, 'lib/registry/import.ts'))]).toContain('zod');
  });
});
