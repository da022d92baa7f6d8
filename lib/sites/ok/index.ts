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
} from './parse';

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
  // OK removes a deleted comment's block: a flagged comment that disappears for good counts as deleted.
  deletionLeavesPlaceholder: false,
  composer: okComposer,
};

export { OK as OK_SELECTORS } from './selectors';
