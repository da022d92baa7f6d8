export * from './types';
export { EventSet, canonical, hashEvents, mergeEvents, missingFrom } from './merge';
export {
  exchangeFileName,
  exchangeToText,
  exportDrafts,
  exportForDepartment,
  importExchange,
  isRoutedTo,
  parseExchange,
  resolveConflict,
} from './exchange';
