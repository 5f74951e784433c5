import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { AppError } from '../platform/errors';
import { todayInVietnam } from '../../contracts/common';
import { findUnitCached } from '../modules/units';
import type { ImportOutcome } from '../modules/sector-data';
import { out, withDatabase } from './context';

/** Live count of rows read: one rewritten line on a terminal, a line every 100,000 rows otherwise. */
function rowCounter(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastLine = 0;
  return {
    update(rows: number) {
      const rate = Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));
      if (stream.isTTY)
        stream.write(`\rĐang nhập / importing: ${rows.toLocaleString('vi-VN')} dòng / rows (${rate}/s)   `);
      else if (rows - lastLine >= 100_000) {
        lastLine = rows;
        stream.write(`importing: ${rows} rows\n`);
      }
    },
    finish() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}

function describe(o: ImportOutcome): string[] {
  const lines = [
    `batch ${o.batchId}`,
    o.duplicate
      ? 'Tệp này đã được nhập trước đó: không tạo gì mới / this file was imported before: nothing new created'
      : 'committed',
    `rows ${o.rowCount}, valid ${o.validCount}, errors ${o.errorCount}`,
  ];
  if (o.diff)
    lines.push(
      `supersedes ${o.supersedes}: added ${o.diff.added}, removed ${o.diff.removed}, changed ${o.diff.changed}`,
    );
  return lines;
}

/**
 * `import <dataset-type> <file>`: a sector list into a batch (issue 16 §2). The sector-data module
 * loads when the command runs; `typeCodes`, for the help text, only when help is printed (cli.ts).
 */
export function registerSectorDataCommands(program: Command, typeCodes?: readonly string[]): void {
  program
    .command('import')
    .description(`import a sector list (CSV or XLSX) as a batch${typeCodes ? `; types: ${typeCodes.join(', ')}` : ''}`)
    .argument('<dataset-type>', 'dataset type code, e.g. health-insurance')
    .argument('<file>', 'CSV (UTF-8) or XLSX file')
    .option('--unit <code>', 'unit the list is for (default: the province)')
    .option('--mapping <name>', "a column mapping saved for the type's sector")
    .action(async (datasetType: string, file: string, opts: { unit?: string; mapping?: string }) => {
      const { findDatasetType, prepareImport, runImport, DATASET_TYPES } = await import('../modules/sector-data');
      if (!findDatasetType(datasetType))
        throw new AppError(
          'SECTOR.TYPE_INVALID',
          `Không có loại dữ liệu "${datasetType}" (có: ${DATASET_TYPES.map((t) => t.code).join(', ')})`,
          `There is no dataset type "${datasetType}" (known: ${DATASET_TYPES.map((t) => t.code).join(', ')})`,
        );
      await withDatabase(async (database, config) => {
        const unitCode = opts.unit ?? config.PROVINCE_CODE;
        if (!(await findUnitCached(database.db, unitCode, todayInVietnam())))
          throw new AppError('SECTOR.UNIT_INVALID', `Không có đơn vị ${unitCode}`, `There is no unit ${unitCode}`);
        const prepared = await prepareImport(database, {
          datasetType,
          unitCode,
          fileName: basename(file),
          path: file,
          mappingName: opts.mapping,
          createdBy: `cli:${userInfo().username}`,
        });
        const controller = new AbortController();
        const stop = () => controller.abort();
        // Every SIGINT cancels (no default handler in between): on a terminal, Ctrl-C reaches this
        // process both from the terminal and forwarded by bin/dvc06.js, which runs imports with a bounded heap.
        process.on('SIGINT', stop);
        const counter = rowCounter();
        try {
          const outcome = await runImport(database, prepared, {
            signal: controller.signal,
            onBatch: (id) => out(`batch ${id}: importing`),
            onProgress: (rows) => counter.update(rows),
          });
          counter.finish();
          for (const line of describe(outcome)) out(line);
        } finally {
          process.off('SIGINT', stop);
        }
      });
    });
}
