/**
 * The one way a panel renders a link that came from data (a page, an import, a backup, the team
 * server): an https address on VK or OK, checked by `safeSiteLink`, opened in a new tab without an
 * opener. Anything else — another site, `javascript:`, `data:` — is shown as the text alone.
 * test/unit/components/site-link.test.tsx fails if a component writes `href={…}` anywhere else.
 */
import type { ComponentChildren } from 'preact';
import { safeSiteLink } from '@/lib/sites/address';

export function SiteLink({ href, class: cls, children }: { href: string | null | undefined; class?: string; children: ComponentChildren }) {
  const url = safeSiteLink(href);
  if (!url) return <>{children}</>;
  return (
    <a class={cls} href={url} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
