import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { LETTER_FOLD } from '../../shared/text';

/** `translate` deletes the characters of its second argument that have no counterpart in the third. */
const FROM = LETTER_FOLD.from + LETTER_FOLD.deleted;
const TO = LETTER_FOLD.to;

/**
 * SQL: `column` folded as the text kernel's `foldLetters` folds it, generated from the kernel's
 * table: `lower` for ASCII, `translate` for every Vietnamese letter in both cases (so the
 * result does not depend on the database's locale, whose `lower` may leave non-ASCII letters
 * alone), apostrophes, zero-width characters and combining marks deleted (so NFD text folds
 * like NFC). Punctuation and spaces are kept: match it with {@link wordsLikePattern}.
 */
export function foldedSql(column: AnyColumn | SQL): SQL {
  return sql`translate(lower(${column}), ${FROM}, ${TO})`;
}

/** The words of a folded query in order, as a LIKE pattern with LIKE's characters escaped ("lo mai" → "%lo%mai%"). */
export function wordsLikePattern(folded: string): string {
  const words = folded
    .split(' ')
    .filter(Boolean)
    .map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`));
  return `%${words.join('%')}%`;
}
