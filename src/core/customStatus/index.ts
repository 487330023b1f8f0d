export * from './CustomUserStatus';
export * from './matchBody';
export * from './rules';
export * from './listQuery';
export * from './settingsText';
export * from './KeyedMutex';
