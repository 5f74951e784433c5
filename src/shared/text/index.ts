/** Text rules shared by the server, the web app and SQL: see vietnamese.ts. */
export {
  foldForSearch,
  foldHeader,
  foldLetters,
  LETTER_FOLD,
  normalizeDeclared,
  normalizeText,
  placeToneMarks,
  toAscii,
  type ToneStyle,
} from './vietnamese';
