export * from './format';
export * from './period';
export * from './missed';
export * from './surges';
export * from './moderation';
export * from './response';
