/**
 * Bilingual messages inside Zod schemas. A custom message is written as
 * `bilingual('Tiếng Việt', 'English')`; the server's error handler splits it so
 * every 400 names the field in Vietnamese and English.
 */
export const MESSAGE_SEPARATOR = '\u241E';

/** Joins a Vietnamese and an English message for a Zod `message`/`error` option. */
export function bilingual(vi: string, en: string): string {
  return `${vi}${MESSAGE_SEPARATOR}${en}`;
}

/** Splits a message made by `bilingual`; a plain message is used for both languages. */
export function splitBilingual(message: string): { vi: string; en: string } {
  const [vi, en] = message.split(MESSAGE_SEPARATOR);
  return { vi: vi ?? message, en: en ?? vi ?? message };
}

/** One field-level problem in an API error body. */
export interface FieldProblem {
  field: string;
  code: string;
  messageVi: string;
  messageEn: string;
}

/** The body of every API error response. */
export interface ApiErrorBody {
  error: {
    code: string;
    messageVi: string;
    messageEn: string;
    requestId?: string;
    fields?: FieldProblem[];
  };
}
