/**
 * The `sector-data` module's public face: the lists other agencies keep (health-insurance cards,
 * poor households, association members…), imported as batches and — by the linking engine in
 * `linking/` — matched to the registry. See README.md.
 */

/** The dataset types (one schema file each in types/), their lookup and the row validation. */
export { DATASET_TYPES, findDatasetType, validateRow, type DatasetType, type FieldSpec } from './types';

/** Importing a file: prepare (format, header, mapping — refusals before any batch exists), then run (stream, commit). */
export {
  DEFAULT_IMPORT_LIMITS,
  prepareImport,
  runImport,
  type ImportLimits,
  type ImportOutcome,
  type ImportRequest,
} from './import/run-import';

/** The HTTP routes, mounted at /api/v1/sector-data. */
export { sectorDataRoutes } from './sector-data.routes';

/** Linking a committed batch to the registry: links stored per row, counts per outcome, the CSV of `dvc06 link`. */
export { linkBatch, type LinkBatchResult } from './links/link-batch';
export { writeLinksCsv, LINKS_CSV_HEADER } from './links/links-csv';
