/**
 * Generated pages for the benchmark: VK's React UI markup, as in test/fixtures/vk/new-ui-post.html,
 * and an OK discussion, as in test/fixtures/ok/topic.html.
 */

const ORDINARY = [
  'А в доме на Ленина, 10 когда дадут горячую воду? Третью неделю без неё.',
  'Спасибо, что предупредили заранее!',
  'Когда отремонтируют дорогу на Красном Пути? Ямы по колено.',
  'Автобус 72 опять не пришёл, стоим на остановке сорок минут.',
  'В поликлинике на Заозёрной запись только через Госуслуги, а там нет талонов.',
  'Подскажите, куда обращаться по вывозу мусора во дворе?',
  'Детская площадка во дворе сломана, качели висят на одной цепи.',
  'Графики отключений надо публиковать за неделю, а не за день.',
  'Страховка на машину подорожала, а дороги всё те же.',
  'Команда дворников работает отлично, снег убрали к утру.',
];

const VIOLATIONS = [
  'Да вы там все ох*ели, сколько можно уточнять',
  'Дебилы одни в администрации, ничего не могут',
  'Натяжные потолки за один день! Скидка 40%, пишите в лс или звоните 8 913 555-12-34',
  'Деньги на карту за 5 минут без отказа! Переходите: zaim-fast.ru',
  'Бл@ть, опять отключили воду',
];

function escapeHtml(s: string) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The text of the i-th generated comment: every `violationEvery`-th breaks a rule. */
function commentText(i: number, violationEvery: number): string {
  // Every text differs (a house number): the same long text from many authors is a mass mailing.
  return `${i % violationEvery === violationEvery - 1 ? VIOLATIONS[i % VIOLATIONS.length]! : ORDINARY[i % ORDINARY.length]!} Дом ${i + 1}.`;
}

/** Comments `from` … `from + count - 1` of a post, as VK's React UI renders them (a page loads more of them as one scrolls). */
export function vkComments(from: number, count: number, violationEvery = 10, ownerId = -123456, postId = 5000): string {
  const owner = String(ownerId);
  const comments: string[] = [];
  for (let i = from; i < from + count; i++) {
    const n = postId + 1 + i;
    const text = commentText(i, violationEvery);
    const user = 1000 + (i % 500);
    comments.push(`<div data-testid="wall_comments_comment_root" id="${user}_${n}" style="--comment-layout-level:0">
<a data-testid="comment-avatar" href="/id${user}"><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a>
<div class="vkitCommentBase__content--q2"><div class="vkitCommentBase__title--r4"><a href="/id${user}"><div data-testid="comment-owner">Житель ${user}</div></a></div>
<div data-testid="comment-text"><div data-testid="showmoretext-in">${escapeHtml(text)}</div></div>
<div class="vkitComment__info--k1"><a data-testid="wall_comment_date" href="/wall${owner}_${postId}?reply=${n}">5 мая в 1${i % 10}:0${i % 6}</a>
<button data-testid="comment-reply">Ответить</button></div></div></div>`);
  }
  return comments.join('\n');
}

/** Every `1/violationRate`-th comment breaks a rule: 10% by default. */
export function vkPostPage(count: number, violationEvery = 10, ownerId = -123456, postId = 5000): string {
  const owner = String(ownerId);
  const comments = [vkComments(0, count, violationEvery, ownerId, postId)];
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Администрация города | ВКонтакте</title></head><body>
<div id="page_layout"><div data-testid="post" data-post-id="${owner}_${postId}" class="_post post">
<h3><a data-testid="post-header-title" href="/gov_city">Администрация города</a></h3>
<a data-testid="post_date_block_preview">5 мая в 10:00</a>
<div data-testid="post-content-container"><div data-testid="showmoretext"><div data-testid="showmoretext-in">Отключение горячей воды с 12 по 14 мая.</div></div></div>
<div data-testid="post_footer_action_comment" aria-label="${count} комментариев"></div>
<div data-testid="wall_comments_layout_root">
${comments.join('\n')}
</div></div></div></body></html>`;
}

export const OK_TOPIC_URL = 'https://ok.ru/group/70000001234567/topic/155000000001';

/** An OK group discussion with `count` comments, every `violationEvery`-th breaking a rule. */
export function okTopicPage(count: number, violationEvery = 10): string {
  const topic = '155000000001';
  const start = Date.UTC(2025, 4, 5, 4, 0);
  const comments: string[] = [];
  for (let i = 0; i < count; i++) {
    const user = 590000000000 + (i % 500);
    comments.push(`<div id="hook_Block_C${i}"><div class="comments_current" data-time="${start + i * 60_000}" data-seen-params='{"data":{"commentId":"${topic}_${1000 + i}"}}'>
<a class="comments_author-name o" href="/profile/${user}"><span>Житель ${user}</span></a>
<span class="js-text-full">${escapeHtml(commentText(i, violationEvery))}</span>
<div class="comments_current__footer"><span class="comments_current__footer__main__date">5 мая 1${i % 10}:0${i % 6}</span><a class="comments_reply" data-l="t,reply">Ответить</a></div></div></div>`);
  }
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Администрация города | OK</title></head><body>
<div id="hook_Block_MediaTopicLayerBody">
<meta itemprop="datePublished" content="2025-05-05T10:00:00.000+06:00">
<div class="mlr_top"><group-author data='{"group":{"name":"Администрация города","href":"/group/70000001234567"},"timeInfo":{"createTime":"2025-05-05T10:00:00+06:00"}}'></group-author></div>
<div class="mlr_cnt"><div class="media-layer_c"><div class="media-text_cnt"><div class="media-text_cnt_tx emoji-tx textWrap">Отключение горячей воды с 12 по 14 мая.</div></div></div></div>
<div class="mlr_disc js-discussion-layer-block"><div data-count="${count}"></div></div>
<div class="comments_lst"><div class="comments_lst_cnt">
${comments.join('\n')}
</div></div></div></body></html>`;
}
