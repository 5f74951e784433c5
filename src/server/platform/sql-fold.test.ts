import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { foldForSearch, foldLetters } from '../../shared/text';
import { VIETNAMESE_LETTERS } from '../../shared/text/vietnamese.test-support';
import { foldedSql, wordsLikePattern } from './sql-fold';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

/** Each text folded by the database, in order. */
async function foldInDatabase(texts: readonly string[]): Promise<string[]> {
  const rows = await database.rows<{ folded: string }>(
    sql`select ${foldedSql(sql`t.value`)} as folded
        from json_array_elements_text(${JSON.stringify(texts)}::json) with ordinality as t(value, n) order by t.n`,
  );
  return rows.map((r) => r.folded);
}

const NAMES = [
  'Lò Thị Mai',
  'ĐẶNG VĂN ĐỨC',
  'Nguyễn Thị Ánh Tuyết',
  'Hoàng Ôn Ìn Ọt',
  "Thào A H'Mông",
  'Giàng\u200B A Páo',
  '\u00D0inh Văn Hùng',
  'Hoà Thuỷ Khoẻ hòa thủy khỏe',
];

describe('foldedSql', () => {
  it('folds every Vietnamese letter, lower and upper case, as the TypeScript fold does', async () => {
    const letters = VIETNAMESE_LETTERS.map(([letter]) => letter);
    expect(await foldInDatabase(letters)).toEqual(letters.map(foldLetters));
    expect(await foldInDatabase(letters)).toEqual(VIETNAMESE_LETTERS.map(([, plain]) => plain));
  });

  it('folds the Đ look-alikes, apostrophes and zero-width characters as the TypeScript fold does', async () => {
    expect(await foldInDatabase(NAMES)).toEqual(NAMES.map(foldLetters));
  });

  it('folds NFD input (letters with combining marks) like NFC input: the marks are deleted', async () => {
    const decomposed = [...VIETNAMESE_LETTERS.map(([letter]) => letter), ...NAMES].map((s) => s.normalize('NFD'));
    expect(await foldInDatabase(decomposed)).toEqual(decomposed.map((s) => foldLetters(s.normalize('NFC'))));
  });

  it('finds a stored name from a search typed without diacritics', async () => {
    const rows = await database.rows<{ hit: boolean }>(
      sql`select ${foldedSql(sql`${"Lò Thị H'Mai"}::text`)} like ${wordsLikePattern(foldForSearch('lo thi hmai'))} as hit`,
    );
    expect(rows[0]?.hit).toBe(true);
  });
});

describe('wordsLikePattern', () => {
  it('joins the words in order and escapes LIKE characters', () => {
    expect(wordsLikePattern('lo  mai')).toBe('%lo%mai%');
    expect(wordsLikePattern('a_b 5%')).toBe('%a\\_b%5\\%%');
  });
});
