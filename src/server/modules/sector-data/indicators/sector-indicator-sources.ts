import { sql, type SQL } from 'drizzle-orm';
import type { IndicatorSource } from '../../../platform/indicator-sources';
import { DATASET_TYPES, type DatasetType } from '../types';
import { coverageSource, sourceKey } from './coverage';
import { aliveOn, countRows, validRow } from './lists-in-force';
import { sectorListPage } from './sector-list';

/*
 * What the sector lists count for the plan's targets 6 and 8–13 (kpi's `sector.*` sources, issue 16
 * §4), each over the rows of the lists in force on the period's as-of day (lists-in-force.ts):
 * - link shares: "cleaned / matched to the registry" = the row's link, after review, is `matched`
 *   (no discrepancies) and the person is alive on the as-of day. `matched_with_discrepancies` is
 *   linked but not cleaned (it needs a correction). A list never linked counts nothing matched;
 *   its rows are still in the denominator, as are error rows (invalid, never linked).
 * - attribute shares (targets 9, 11, 13): a valid row whose normalised value says so (a row the
 *   import could not read is in the denominator only, whatever its other cells say).
 * - target 6: DVC06 does not know the books' totals: digitised records linked to the registry
 *   (matched, with or without discrepancies; the person need not be alive — death books) over the
 *   records listed.
 * Link outcomes are read as they stand when the run is made (a kpi run keeps its figures).
 *
 * Per dataset type too (issue 16 §4), for an administrator to add as indicators with the province's
 * thresholds (the plan gives none): `sector.linked_<type>` — rows linked to a living person, with or
 * without discrepancies; `sector.discrepancies_<type>` — rows linked with discrepancies (each needs
 * a correction); both over every row of the lists in force; and `sector.covered_<type>` where the
 * type says whom its lists should cover (coverage.ts).
 */

/** A valid row matched to a living person, without discrepancies. */
const cleaned = (asOf: string): SQL =>
  sql`${validRow} and l.outcome = 'matched' and p.id is not null and ${aliveOn(asOf)}`;

/**
 * A source counting, per unit, the rows of `datasetTypes` in force and those meeting `numerator`
 * (an SQL condition over the row `r`, its link `l` and person `p`), with the list behind a commune's
 * figure (`sector.read` in the commune).
 */
const sectorSource = (
  key: string,
  datasetTypes: readonly string[],
  numerator: (asOf: string) => SQL,
): IndicatorSource => ({
  key,
  count: (db, q) => countRows(db, q, datasetTypes, numerator(q.asOf)),
  list: {
    action: 'sector.read',
    page: (db, q, reader) => sectorListPage(db, q, reader, datasetTypes, numerator(q.asOf)),
  },
});

/** A source whose numerator is the rows of `datasetTypes` matched to a living person. */
const linkShare = (key: string, datasetTypes: readonly string[]): IndicatorSource =>
  sectorSource(key, datasetTypes, cleaned);

/** A source whose numerator is the valid rows of `datasetTypes` meeting `condition` (over `r.values`). */
const attributeShare = (key: string, datasetTypes: readonly string[], condition: SQL): IndicatorSource =>
  sectorSource(key, datasetTypes, () => sql`${validRow} and ${condition}`);

/** The social-protection lists target 10 standardises: people with merit, poor households, social assistance, children. */
export const SOCIAL_DATASET_TYPES = ['merit', 'poor-households', 'social-assistance', 'children'] as const;

/** Linked to a person alive on the as-of day (a duplicate row or a probable link is not). */
const linkedAlive = (asOf: string): SQL =>
  sql`${validRow} and l.outcome in ('matched', 'matched_with_discrepancies') and p.id is not null and ${aliveOn(asOf)}`;

/** The sources every dataset type has (see above). */
function perTypeSources(type: DatasetType): IndicatorSource[] {
  return [
    sectorSource(sourceKey('linked', type.code), [type.code], linkedAlive),
    sectorSource(
      sourceKey('discrepancies', type.code),
      [type.code],
      () => sql`${validRow} and l.outcome = 'matched_with_discrepancies' and p.id is not null`,
    ),
    ...(type.covers ? [coverageSource({ ...type, covers: type.covers })] : []),
  ];
}

/** kpi's `sector.*` sources (the keys reference/kpi/indicators.json names, and those per dataset type). */
export const SECTOR_INDICATOR_SOURCES: readonly IndicatorSource[] = [
  sectorSource(
    'sector.civil_status_digitised',
    ['civil-status-records'],
    () => sql`${validRow} and l.outcome in ('matched', 'matched_with_discrepancies') and p.id is not null`,
  ),
  linkShare('sector.vaccination_linked', ['vaccination']),
  linkShare('sector.health_insurance_linked', ['health-insurance']),
  attributeShare(
    'sector.facilities_eid',
    ['facilities-eid'],
    sql`(r.values->>'chipCard' = 'true' or r.values->>'vneid' = 'true')`,
  ),
  linkShare('sector.social_data_standardised', SOCIAL_DATASET_TYPES),
  attributeShare(
    'sector.welfare_cashless',
    ['social-assistance'],
    sql`r.values->>'paymentMethod' in ('bank_account', 'mobile_money')`,
  ),
  linkShare('sector.association_members_linked', ['association-members']),
  attributeShare('sector.etax_mobile', ['household-businesses'], sql`r.values->>'eTaxMobile' = 'true'`),
  ...DATASET_TYPES.flatMap(perTypeSources),
];
