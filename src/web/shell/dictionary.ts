/** The UI dictionaries: Vietnamese (source of the keys) and English. */
export { vi } from './dictionary-vi';
export { en } from './dictionary-en';
export type MessageKey = keyof typeof import('./dictionary-vi').vi;
