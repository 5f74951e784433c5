/**
 * Both UI dictionaries and the key type, for code that needs them together (tests comparing the
 * two languages, type-only imports of `MessageKey`). The app itself loads dictionary.vi.ts with its
 * first script and dictionary.en.ts only when English is chosen (shell/i18n.tsx).
 */
export { vi, type MessageKey } from './dictionary.vi';
export { en } from './dictionary.en';
