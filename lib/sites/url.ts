import type { PageKind, Site } from './types';

/** What an address alone says about a page. */
export interface UrlInfo {
  site: Site;
  kind: PageKind;
  /** VK: numeric owner id, negative for communities; OK: the group or profile id. null when the address has only a short name. */
  ownerId: string | null;
  /** VK: "-123456_1001"; OK: the topic id. Only for kind "post" / "topic". */
  postId: string | null;
  /** Canonical address: main host (vk.com / ok.ru), https, no query noise. */
  url: string;
  /** The owner's page as the address names it (https://vk.com/club123456, https://ok.ru/gorodomsk), when it does. */
  ownerUrl: string | null;
}

export const VK_ORIGIN = 'https://vk.com';
export const OK_ORIGIN = 'https://ok.ru';

const VK_HOSTS = new Set(['vk.com', 'www.vk.com', 'm.vk.com', 'vk.ru', 'www.vk.ru', 'm.vk.ru']);
const OK_HOSTS = new Set(['ok.ru', 'www.ok.ru', 'm.ok.ru']);

// VK first-level paths that are sections of the site, not someone's page.
const VK_SECTIONS = new Set([
  'feed', 'im', 'al_im.php', 'friends', 'groups', 'search', 'settings', 'notifications', 'music',
  'audio', 'audios', 'video', 'videos', 'clips', 'photos', 'albums', 'docs', 'apps', 'games', 'market',
  'services', 'bookmarks', 'fave', 'login', 'join', 'support', 'help', 'terms', 'privacy', 'about',
  'dev', 'ads', 'blog', 'jobs', 'edu', 'mail', 'messenger', 'stickers', 'gifts', 'calls', 'id0',
  'away.php', 'mobile', 'restore', 'verify', 'update', 'discover', 'podcasts', 'live', 'stats',
  'narratives', 'stories', 'wall', 'wiki', 'pages',
]);

// OK first-level paths that are sections of the site, not a group's short name.
const OK_SECTIONS = new Set([
  'feed', 'messages', 'friends', 'groups', 'music', 'video', 'games', 'app', 'apps', 'dk', 'search',
  'settings', 'notifications', 'guests', 'marks', 'photos', 'gifts', 'discussions', 'events',
  'profile', 'group', 'help', 'regulations', 'payment', 'live', 'vitrine', 'hobby', 'shop', 'market',
  'bookmarks', 'cdk', 'web-api', 'mobile', 'about', 'ads', 'mail',
]);

const VK_WALL_POST = /^wall(-?\d+)_(\d+)$/;
const VK_WALL = /^wall(-?\d+)$/;
/** A photo or a video at its own address (vk.com/photo-1_2), or open in a layer (?z=photo-1_2%2Falbum-1_0). */
const VK_MEDIA = /^(photo|video)(-?\d+)_(\d+)(?:$|\/)/;
const VK_COMMUNITY = /^(?:club|public|event)(\d+)$/;
const VK_USER = /^id(\d+)$/;
const SHORT_NAME = /^[a-z0-9_.]{2,64}$/i;
const DIGITS = /^\d+$/;
const OK_GROUP_GLUED = /^group(\d+)$/;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function vk(u: URL): UrlInfo {
  const other = (): UrlInfo => ({ site: 'vk', kind: 'other', ownerId: null, postId: null, url: VK_ORIGIN + u.pathname, ownerUrl: null });
  // A post opened as a layer over any page (?w=wall-123456_1001) is what the user is looking at.
  const layer = u.searchParams.get('w');
  const layerPost = layer ? VK_WALL_POST.exec(layer) : null;
  if (layerPost) return vkPost(layerPost[1], layerPost[2]);

  const segments = u.pathname.split('/').filter(Boolean);
  const zLayer = u.searchParams.get('z');
  const layerMedia = zLayer ? VK_MEDIA.exec(zLayer) : null;
  if (segments.length !== 1) return layerMedia && segments.length === 0 ? vkMedia(layerMedia) : other();
  const seg = segments[0];
  let m = VK_WALL_POST.exec(seg);
  if (m) return vkPost(m[1], m[2]);
  m = VK_MEDIA.exec(seg);
  if (m) return vkMedia(m);
  m = VK_WALL.exec(seg);
  if (m) return { site: 'vk', kind: 'wall', ownerId: m[1], postId: null, url: `${VK_ORIGIN}/wall${m[1]}`, ownerUrl: vkOwnerUrl(m[1]) };
  m = VK_COMMUNITY.exec(seg);
  if (m) return { site: 'vk', kind: 'wall', ownerId: `-${m[1]}`, postId: null, url: `${VK_ORIGIN}/${seg}`, ownerUrl: `${VK_ORIGIN}/${seg}` };
  m = VK_USER.exec(seg);
  if (m && m[1] !== '0') return { site: 'vk', kind: 'wall', ownerId: m[1], postId: null, url: `${VK_ORIGIN}/${seg}`, ownerUrl: `${VK_ORIGIN}/${seg}` };
  // A photo or a video open over a page that is not a wall (the feed, an album): the layer is the page.
  if (VK_SECTIONS.has(seg.toLowerCase()) || seg.includes('.php') || !SHORT_NAME.test(seg)) return layerMedia ? vkMedia(layerMedia) : other();
  // Other addresses with a dash (topic-1_2, album-1_2) fail SHORT_NAME above.
  return { site: 'vk', kind: 'wall', ownerId: null, postId: null, url: `${VK_ORIGIN}/${seg}`, ownerUrl: `${VK_ORIGIN}/${seg}` };
}

/** VK's numeric page address: communities are clubN, people idN. */
function vkOwnerUrl(owner: string): string {
  return owner.startsWith('-') ? `${VK_ORIGIN}/club${owner.slice(1)}` : `${VK_ORIGIN}/id${owner}`;
}

function vkPost(owner: string, post: string): UrlInfo {
  return {
    site: 'vk', kind: 'post', ownerId: owner, postId: `${owner}_${post}`, url: `${VK_ORIGIN}/wall${owner}_${post}`, ownerUrl: vkOwnerUrl(owner),
  };
}

/**
 * A photo's or a video's own page: its comments are the page's, as a post's are (kind "post"); the
 * item's id names it (`photo-123456_457239017`), as the comments' ids do (lib/sites/vk/parse).
 */
function vkMedia(m: RegExpExecArray): UrlInfo {
  const [, what, owner, item] = m;
  return {
    site: 'vk', kind: 'post', ownerId: owner, postId: `${what}${owner}_${item}`, url: `${VK_ORIGIN}/${what}${owner}_${item}`, ownerUrl: vkOwnerUrl(owner),
  };
}

/** Whether a post id names a photo or a video rather than a wall post. */
export function isMediaId(postId: string | null | undefined): boolean {
  return !!postId && (postId.startsWith('photo') || postId.startsWith('video'));
}

function ok(u: URL): UrlInfo {
  const segments = u.pathname.split('/').filter(Boolean);
  const other: UrlInfo = { site: 'ok', kind: 'other', ownerId: null, postId: null, url: OK_ORIGIN + u.pathname, ownerUrl: null };
  if (segments.length === 0) return other;
  let owner: string | null;
  let base: string;
  let rest: string[];
  const first = segments[0];
  const glued = OK_GROUP_GLUED.exec(first);
  if ((first === 'group' || first === 'profile') && segments[1] && DIGITS.test(segments[1])) {
    owner = segments[1];
    base = `${OK_ORIGIN}/${first}/${owner}`;
    rest = segments.slice(2);
  } else if (glued) {
    owner = glued[1];
    base = `${OK_ORIGIN}/group/${owner}`;
    rest = segments.slice(1);
  } else if (!OK_SECTIONS.has(first.toLowerCase()) && SHORT_NAME.test(first)) {
    owner = null;
    base = `${OK_ORIGIN}/${first}`;
    rest = segments.slice(1);
  } else {
    return other;
  }
  if (rest.length === 0) return { site: 'ok', kind: 'wall', ownerId: owner, postId: null, url: base, ownerUrl: base };
  // The list of a group's topics is its feed; a profile's notes are "statuses".
  if (rest.length === 1 && (rest[0] === 'topics' || rest[0] === 'statuses')) {
    return { site: 'ok', kind: 'wall', ownerId: owner, postId: null, url: base, ownerUrl: base };
  }
  if (rest.length === 2 && (rest[0] === 'topic' || rest[0] === 'statuses') && DIGITS.test(rest[1])) {
    return { site: 'ok', kind: 'topic', ownerId: owner, postId: rest[1], url: `${base}/${rest[0]}/${rest[1]}`, ownerUrl: base };
  }
  return { ...other, ownerId: owner, ownerUrl: base };
}

function webUrl(url: string): URL | null {
  const u = parse(url);
  return u && (u.protocol === 'https:' || u.protocol === 'http:') ? u : null;
}

/** Address → site, page kind and what the address tells about the owner; null for hosts we do not serve. */
export function parsePageUrl(url: string): UrlInfo | null {
  return parseVkUrl(url) ?? parseOkUrl(url);
}

/** parsePageUrl for VK alone: each site's content script carries only its own site's rules. */
export function parseVkUrl(url: string): UrlInfo | null {
  const u = webUrl(url);
  return u && VK_HOSTS.has(u.hostname.toLowerCase()) ? vk(u) : null;
}

export function parseOkUrl(url: string): UrlInfo | null {
  const u = webUrl(url);
  return u && OK_HOSTS.has(u.hostname.toLowerCase()) ? ok(u) : null;
}

export function isVkHost(url: string): boolean {
  const u = parse(url);
  return !!u && VK_HOSTS.has(u.hostname.toLowerCase());
}

const MOBILE_VK_HOSTS = new Set(['m.vk.com', 'm.vk.ru']);

/** m.vk.com and m.vk.ru, which serve VK's mobile markup. */
export function isMobileVkHost(url: string): boolean {
  const u = parse(url);
  return !!u && MOBILE_VK_HOSTS.has(u.hostname.toLowerCase());
}

export function isOkHost(url: string): boolean {
  const u = parse(url);
  return !!u && OK_HOSTS.has(u.hostname.toLowerCase());
}
