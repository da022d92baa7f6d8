/** Pages generated for real-browser tests whose dates must be relative to the real clock. */

export interface WallPost {
  id: number;
  /** Unix ms. */
  at: number;
  text: string;
  pinned?: boolean;
}

/** A community wall in VK's classic markup: rel_date carries `time` in seconds, as VK writes it. */
export function classicWall(ownerId: number, name: string, shortName: string, posts: WallPost[]): string {
  const owner = -ownerId;
  const items = posts
    .map(
      (p) => `
 <div id="post-${ownerId}_${p.id}" class="_post post page_block${p.pinned ? ' post_fixed' : ''}" data-post-id="${owner}_${p.id}">
  <div class="PostHeader"><a class="PostHeaderTitle__authorLink" href="/${shortName}" data-from-id="${owner}" data-post-click-type="post_owner_link">${name}</a>
   <div class="post_date"><a class="post_link" href="/wall${owner}_${p.id}"><span class="rel_date" time="${Math.floor(p.at / 1000)}">дата</span></a></div></div>
  <div class="wall_text"><div class="wall_post_cont _wall_post_cont"><div class="wall_post_text">${p.text}</div></div></div>
 </div>`,
    )
    .join('\n');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${name}</title></head><body>
<div id="page_body"><h1 class="page_name" id="owner_page_name">${name}</h1>
<div id="page_wall_posts" class="page_wall_posts">${items}</div></div></body></html>`;
}

/** Monday 00:00 in Asia/Omsk (UTC+6, no daylight saving) of the week holding `now`. */
export function omskMonday(now: number): number {
  const shifted = new Date(now + 6 * 3600_000);
  const day = (shifted.getUTCDay() + 6) % 7;
  return Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate() - day) - 6 * 3600_000;
}
