/**
 * The linking result of a batch as CSV (`dvc06 link --out`, issue 16 §2): one line per source row
 * with exactly the columns `row,outcome,national_id,score,disagreements`. Rows that failed
 * validation at import have no link: their outcome is `invalid` (nothing could be matched); a
 * valid row of a batch never linked is `unlinked` (`dvc06 link` links first, so it writes none).
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { Db } from '../../../platform/db';
import { links, rows } from '../sector-data.schema';

export const LINKS_CSV_HEADER = 'row,outcome,national_id,score,disagreements';

/** Outcome written for a row that failed validation at import and so was not linked. */
export const INVALID_OUTCOME = 'invalid';

/** Outcome written for a valid row without a link (the batch was not linked yet). */
export const UNLINKED_OUTCOME = 'unlinked';

const CHUNK = 5000;

export interface CsvLine {
  row: number;
  outcome: string;
  nationalId: string | null;
  score: number | null;
  disagreements: string[];
}

/** One CSV line (no field holds a comma, quote or newline: outcomes, digits, numbers and field names). */
export function csvLine(l: CsvLine): string {
  return [l.row, l.outcome, l.nationalId ?? '', l.score ?? '', l.disagreements.join(';')].join(',');
}

/**
 * The lines of a batch in row order, chunk by chunk. The national id is the registry number the
 * row belongs to: the linked person's (for `probable`, the proposed one's), and for
 * `id_belongs_to_someone_else` the number of the person the row really is (empty when not found).
 */
export async function* linkLines(db: Db, batchId: string): AsyncGenerator<CsvLine> {
  let after = 0;
  for (;;) {
    const chunk = await db
      .select({
        row: rows.rowNumber,
        valid: sql<boolean>`jsonb_array_length(${rows.errors}) = 0`,
        outcome: links.outcome,
        nationalId: links.nationalId,
        actualNationalId: links.actualNationalId,
        score: links.score,
        disagreements: links.disagreements,
      })
      .from(rows)
      .leftJoin(links, and(eq(links.batchId, rows.batchId), eq(links.rowNumber, rows.rowNumber)))
      .where(and(eq(rows.batchId, batchId), gt(rows.rowNumber, after)))
      .orderBy(asc(rows.rowNumber))
      .limit(CHUNK);
    if (chunk.length === 0) return;
    after = chunk[chunk.length - 1]!.row;
    for (const r of chunk)
      yield r.outcome === null
        ? {
            row: r.row,
            outcome: r.valid ? UNLINKED_OUTCOME : INVALID_OUTCOME,
            nationalId: null,
            score: null,
            disagreements: [],
          }
        : {
            row: r.row,
            outcome: r.outcome,
            nationalId: r.outcome === 'id_belongs_to_someone_else' ? r.actualNationalId : r.nationalId,
            score: r.score,
            disagreements: r.disagreements ?? [],
          };
  }
}

/** Writes the batch's CSV to a stream (honouring back-pressure); returns the number of lines after the header. */
export async function writeLinksCsv(db: Db, batchId: string, out: Writable): Promise<number> {
  let count = 0;
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${LINKS_CSV_HEADER}\n`);
  for await (const line of linkLines(db, batchId)) {
    await write(`${csvLine(line)}\n`);
    count++;
  }
  return count;
}
