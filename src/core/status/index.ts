export * from './presets';
export * from './visibleStatus';
export * from './statusText';
export * from './statusErrors';
export * from './target';
export * from './setStatusRequest';
export * from './duration';
