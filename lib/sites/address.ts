/**
 * Addresses as Otklik takes them in and renders them: https on VK or OK, nothing else becomes a link.
 * The backup's and the exchange file's checks, and the reports' links, use these.
 */
import { parsePageUrl } from './url';

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Why a value is not the https address of a VK or OK page, or null. What the pages write (pages,
 * posts, comments, the moderation log) is always one: anything else in a file was put there by hand.
 */
export function siteAddressProblem(value: string): string | null {
  const u = parseUrl(value);
  if (!u) return `«${value.slice(0, 80)}» — не адрес; нужна ссылка https:// на vk.com, vk.ru или ok.ru`;
  if (u.protocol !== 'https:') return `адрес «${value.slice(0, 80)}» должен начинаться с https://`;
  if (u.username || u.password) return 'адрес не должен содержать имя пользователя или пароль';
  if (!parsePageUrl(u.href)) return `адрес «${value.slice(0, 80)}» ведёт не на vk.com, vk.ru или ok.ru`;
  return null;
}

/**
 * Why a message's link is not one Otklik could have stored, or null: a web address (a reply's link
 * typed on the card), or a VK/OK address without the scheme, as imports kept it before they wrote
 * https. Never `javascript:`, `data:` or any other scheme.
 */
export function messageLinkProblem(value: string): string | null {
  const refused = `ссылка «${value.slice(0, 80)}» не принята: нужна ссылка https:// на vk.com, vk.ru или ok.ru`;
  if (/^https?:\/\//i.test(value)) {
    const u = parseUrl(value);
    return u && (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password ? null : refused;
  }
  return parsePageUrl(`https://${value}`) ? null : refused;
}

/**
 * The https address to render for a stored message link, or null when there is none to render: a
 * VK/OK address written with http:// or without the scheme (as older imports kept it) becomes
 * https; anything else — another site, `javascript:`, `data:` — is no link.
 */
export function safeSiteLink(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  const u = parseUrl(/^https?:\/\//i.test(s) ? s : `https://${s}`);
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) return null;
  u.protocol = 'https:';
  return siteAddressProblem(u.href) === null ? u.href : null;
}
