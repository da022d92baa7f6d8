import type { SiteAdapter } from '../types';
import { isMobileVkHost } from '../url';
import { vkCommentCount } from '../vk/parse';
import {
  isMvkDeletedPlaceholder,
  mvkCommentElements,
  mvkCommentTextElement,
  mvkComposer,
  mvkDeletedCommentId,
  mvkExpectsComments,
  mvkPageInfo,
  mvkPostElements,
  mvkReplyControl,
  parseMvkComment,
  parseMvkPost,
} from './parse';
import { VK } from '../vk/selectors';
import { MVK } from './selectors';

/** m.vk.com and m.vk.ru: the same site and the same ids as vk.com, read from the mobile markup. */
export const mvkAdapter: SiteAdapter = {
  site: 'vk',
  matches: isMobileVkHost,
  pageInfo: mvkPageInfo,
  commentElements: mvkCommentElements,
  parseComment: parseMvkComment,
  postElements: mvkPostElements,
  parsePost: parseMvkPost,
  expectsComments: mvkExpectsComments,
  isDeletedPlaceholder: isMvkDeletedPlaceholder,
  deletedCommentId: mvkDeletedCommentId,
  replyControl: mvkReplyControl,
  commentTextElement: mvkCommentTextElement,
  // The item stays with `ReplyItem_deleted`, as the desktop site keeps its placeholder.
  deletionLeavesPlaceholder: true,
  composer: mvkComposer,
  // No source shows m.vk.com's own counter; a page in the React UI has VK's.
  commentCount: vkCommentCount,
  // VK's React UI and classic markups are read here too: their selectors are counted as `vk.*`.
  selectors: { ...MVK, ...Object.fromEntries(Object.entries(VK).map(([k, v]) => [`vk.${k}`, v])) },
};

export { MVK as MVK_SELECTORS } from './selectors';
