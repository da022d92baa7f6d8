export * from './types';
export { exportBackup, backupToText, backupFileName } from './export';
export { parseBackup, describeBackup } from './parse';
export { migrateBackup } from './migrate';
export { restoreBackup, databaseIsEmpty, finishInterruptedRestore, type RestoreMode, type RestoreResult, type TableOutcome } from './restore';
