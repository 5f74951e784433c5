import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import type { LinkBatchResult } from '../modules/sector-data';
import { out, withDatabase } from './context';

function summary(r: LinkBatchResult): string[] {
  return [
    `batch ${r.batchId}: linked ${r.linked}, invalid ${r.invalid}`,
    ...Object.entries(r.counts).map(([outcome, n]) => `${outcome} ${n}`),
    `reviewed ${r.reviewed}`,
  ];
}

/** `link <batch-id> --out <file.csv>`: a committed batch linked to the registry (issue 16 §2–§3). */
export function registerSectorLinkCommands(program: Command): void {
  program
    .command('link')
    .description(
      'link a committed batch to the population registry; writes one CSV line per source row: row,outcome,national_id,score,disagreements',
    )
    .argument('<batch-id>', 'the batch id printed by dvc06 import')
    .requiredOption('--out <file.csv>', 'the CSV file to write')
    .action(async (batchId: string, opts: { out: string }) => {
      const { linkBatch, writeLinksCsv } = await import('../modules/sector-data'); // loaded for this command only
      await withDatabase(async (database) => {
        const progress = process.stderr.isTTY
          ? (n: number, total: number) => process.stderr.write(`\rĐang liên kết / linking: ${n}/${total}   `)
          : undefined;
        const result = await linkBatch(database, batchId, { onProgress: progress });
        if (progress) process.stderr.write('\n');
        const file = createWriteStream(opts.out);
        const lines = await writeLinksCsv(database.db, batchId, file);
        file.end();
        await finished(file);
        for (const line of summary(result)) out(line);
        out(`wrote ${lines} rows to ${opts.out}`);
      });
    });
}
