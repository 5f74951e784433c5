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

/**
 * Linking a committed batch to the registry (links stored per row, counts per outcome), awaited, with
 * the batch's link state (linking → linked | failed) kept on it as the API's job does (409 while the
 * batch is being linked); the CSV of `dvc06 link`.
 */
export { linkNow as linkBatch } from './links/link-job';
export type { LinkBatchOptions, LinkBatchResult } from './links/link-batch';
export { writeLinksCsv, LINKS_CSV_HEADER } from './links/links-csv';

/**
 * kpi's `sector.*` indicator sources (targets 6, 8–13): per unit, the rows of the lists in force on
 * the as-of day and those cleaned against the registry, or with the attribute the target counts.
 */
export { SECTOR_INDICATOR_SOURCES } from './indicators/sector-indicator-sources';
