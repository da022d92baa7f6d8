import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SiteLink } from '@/components/workspace/SiteLink';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?|jsx?)$/.test(name) ? [path] : [];
  });
}

describe('links from data go through one check', () => {
  it.each([
    ['https://vk.com/wall-1_2?reply=3', 'https://vk.com/wall-1_2?reply=3'],
    ['http://ok.ru/group/1', 'https://ok.ru/group/1'],
    ['vk.com/club1', 'https://vk.com/club1'],
  ])('%s becomes a link to %s, opened without an opener', (href, expected) => {
    const { container } = render(<SiteLink href={href}>открыть</SiteLink>);
    const a = container.querySelector('a')!;
    expect(a.getAttribute('href')).toBe(expected);
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.getAttribute('target')).toBe('_blank');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'https://evil.example/vk.com', 'https://user:pw@vk.com/', '', null])('%s is text only', (href) => {
    const { container } = render(<SiteLink href={href}>открыть</SiteLink>);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe('открыть');
  });

  it('no panel writes a link from data any other way', () => {
    const offenders = [...sources(join(ROOT, 'components')), ...sources(join(ROOT, 'entrypoints'))]
      .filter((f) => !f.endsWith('SiteLink.tsx'))
      .filter((f) => /<a\b[^>]*\shref=\{/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
