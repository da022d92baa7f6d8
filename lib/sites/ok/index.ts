import { okPageLooks } from './figures';
import type { SiteAdapter } from '../types';
import { isOkHost } from '../url';
import {
  isOkDeletedPlaceholder,
  okCommentElements,
  okComposer,
  okDeletedCommentId,
  okExpectsComments,
  okPageInfo,
  okPostElements,
  okReplyControl,
  parseOkComment,
  parseOkPost,
  okCommentTextElement,
  okCommentCount,
} from './parse';
import { OK } from './selectors';

export const okAdapter: SiteAdapter = {
  site: 'ok',
  matches: isOkHost,
  pageInfo: okPageInfo,
  commentElements: okCommentElements,
  parseComment: parseOkComment,
  postElements: okPostElements,
  parsePost: parseOkPost,
  expectsComments: okExpectsComments,
  isDeletedPlaceholder: isOkDeletedPlaceholder,
  deletedCommentId: okDeletedCommentId,
  replyControl: okReplyControl,
  commentTextElement: okCommentTextElement,
  // OK marks a deleted comment's block (`.comments_i.__deleted` with an undo stub, OKT), as VK keeps
  // its placeholder: a block that leaves the page (a long list scrolled, a layer closed) is not deleted.
  deletionLeavesPlaceholder: true,
  composer: okComposer,
  pageLooks: okPageLooks,
  commentCount: okCommentCount,
  selectors: OK,
};

export { OK as OK_SELECTORS } from './selectors';
