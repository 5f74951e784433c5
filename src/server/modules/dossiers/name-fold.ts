import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Vietnamese names folded for search: lower case, without tone marks or the stroke of đ, so that
 * "lo thi mai" finds "Lò Thị Mai". The same table serves the SQL side (`translate`, which does not
 * depend on the database's locale as `lower` does for non-ASCII letters) and the query side.
 */
const MARKED = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const PLAIN = `${'a'.repeat(17)}${'e'.repeat(11)}${'i'.repeat(5)}${'o'.repeat(17)}${'u'.repeat(11)}${'y'.repeat(5)}d`;
const FROM = MARKED + MARKED.toUpperCase();
const TO = PLAIN + PLAIN;

/** A name as typed, folded to plain lower-case words separated by one space. */
export function foldName(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  let out = '';
  for (const ch of lower) {
    const at = MARKED.indexOf(ch);
    out += at >= 0 ? PLAIN[at] : ch;
  }
  return out
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** SQL: the column folded the same way (lower for ASCII, translate for the marked letters). */
export function foldedSql(column: AnyColumn | SQL): SQL {
  return sql`translate(lower(${column}), ${FROM}, ${TO})`;
}

/** The words of a folded query in order, as a LIKE pattern ("lo mai" → "%lo%mai%"). */
export function wordsPattern(folded: string): string {
  return `%${folded
    .split(' ')
    .filter(Boolean)
    .map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`))
    .join('%')}%`;
}

export const FOLD_TABLE_LENGTHS = { marked: MARKED.length, plain: PLAIN.length };
