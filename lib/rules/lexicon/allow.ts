/**
 * Words the lexicons would otherwise catch, spelt as normalised (ё→е, repeated letters once) or as
 * written in Latin. The team extends this list in settings (`custom.ts`).
 */
export const BUILTIN_ALLOW: readonly string[] = [
  'ебург', 'ебурге', 'ебурга', 'ебургу', 'ebay',
];

/** Sites links to which are never spam: the administration's own and the government's. */
export const ALLOWED_DOMAINS: readonly string[] = [
  'gosuslugi.ru', 'gov.ru', 'admomsk.ru', 'omskportal.ru', 'kremlin.ru', 'government.ru', 'mos.ru',
  'pos.gosuslugi.ru', 'xn--c1adpbchefer6a.xn--p1ai',
];

/** VK and OK links that point at content (posts, photos, videos) rather than invite elsewhere. */
export const SOCIAL_DOMAINS: readonly string[] = ['vk.com', 'vk.ru', 'm.vk.com', 'ok.ru', 'm.ok.ru', 'vkvideo.ru'];
export const SOCIAL_CONTENT_PATH = /^\/(?:wall-?\d|photo-?\d|video-?\d|clip-?\d|album-?\d|topic-?\d|page-?\d|@|story-?\d|doc-?\d|poll-?\d|wall\d|group\/\d+\/topic|video\/|photo\/|[^/]+\/topic\/|[^/]+\/video\/)/i;
