import { vkPageLooks } from './figures';
import type { SiteAdapter } from '../types';
import { isVkHost } from '../url';
import {
  isVkDeletedPlaceholder,
  parseVkComment,
  parseVkPost,
  vkCommentElements,
  vkComposer,
  vkDeletedCommentId,
  vkExpectsComments,
  vkPageInfo,
  vkPostElements,
  vkReplyControl,
  vkCommentTextElement,
  vkCommentCount,
} from './parse';
import { VK } from './selectors';

export const vkAdapter: SiteAdapter = {
  site: 'vk',
  matches: isVkHost,
  pageInfo: vkPageInfo,
  commentElements: vkCommentElements,
  parseComment: parseVkComment,
  postElements: vkPostElements,
  parsePost: parseVkPost,
  expectsComments: vkExpectsComments,
  isDeletedPlaceholder: isVkDeletedPlaceholder,
  deletedCommentId: vkDeletedCommentId,
  replyControl: vkReplyControl,
  commentTextElement: (el) => vkCommentTextElement(el),
  // VK keeps the comment element and swaps its content for «Комментарий удалён».
  deletionLeavesPlaceholder: true,
  composer: vkComposer,
  pageLooks: vkPageLooks,
  commentCount: vkCommentCount,
  selectors: VK,
};

export { VK as VK_SELECTORS } from './selectors';
