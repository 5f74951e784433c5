import { sql, type SQL } from 'drizzle-orm';
import type { IndicatorSource } from '../../../platform/indicator-sources';
import { DATASET_TYPES, findDatasetType, type DatasetType } from '../types';
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

type Describe = NonNullable<IndicatorSource['describe']>;

/** The names of dataset types, quoted and joined: «Tiêm chủng», «Thẻ bảo hiểm y tế» (English “Vaccination records”). */
const namesOf = (datasetTypes: readonly string[]) => {
  const types = datasetTypes.map((code) => findDatasetType(code));
  const join = (name: (t: DatasetType | undefined, code: string) => string, open: string, close: string) =>
    datasetTypes.map((code, i) => `${open}${name(types[i], code)}${close}`).join(', ');
  return { vi: join((t, code) => t?.nameVi ?? code, '«', '»'), en: join((t, code) => t?.nameEn ?? code, '“', '”') };
};

/** "`numerator` / every row of the lists of `datasetTypes` in force" in both languages. */
const overRows = (datasetTypes: readonly string[], numerator: Describe): Describe => {
  const names = namesOf(datasetTypes);
  return {
    vi: `${numerator.vi} / mọi dòng của các danh sách ${names.vi} đang hiệu lực`,
    en: `${numerator.en} / every row of the ${names.en} lists in force`,
  };
};

/**
 * A source counting, per unit, the rows of `datasetTypes` in force and those meeting `numerator`
 * (an SQL condition over the row `r`, its link `l` and person `p`), with the list behind a commune's
 * figure (`sector.read` in the commune). `counted` says what the numerator counts (the description).
 */
const sectorSource = (
  key: string,
  datasetTypes: readonly string[],
  numerator: (asOf: string) => SQL,
  counted: Describe,
): IndicatorSource => ({
  key,
  describe: overRows(datasetTypes, counted),
  count: (db, q) => countRows(db, q, datasetTypes, numerator(q.asOf)),
  list: {
    action: 'sector.read',
    page: (db, q, reader) => sectorListPage(db, q, reader, datasetTypes, numerator(q.asOf)),
  },
});

/** A source whose numerator is the rows of `datasetTypes` matched to a living person. */
const linkShare = (key: string, datasetTypes: readonly string[]): IndicatorSource =>
  sectorSource(key, datasetTypes, cleaned, {
    vi: 'Dòng đã làm sạch (khớp với người còn sống trong CSDL dân cư, không sai lệch)',
    en: 'Rows cleaned (matched to a living person in the registry, no discrepancies)',
  });

/** A source whose numerator is the valid rows of `datasetTypes` meeting `condition` (over `r.values`). */
const attributeShare = (
  key: string,
  datasetTypes: readonly string[],
  condition: SQL,
  counted: Describe,
): IndicatorSource => sectorSource(key, datasetTypes, () => sql`${validRow} and ${condition}`, counted);

/** The social-protection lists target 10 standardises: people with merit, poor households, social assistance, children. */
export const SOCIAL_DATASET_TYPES = ['merit', 'poor-households', 'social-assistance', 'children'] as const;

/** Linked to a person alive on the as-of day (a duplicate row or a probable link is not). */
const linkedAlive = (asOf: string): SQL =>
  sql`${validRow} and l.outcome in ('matched', 'matched_with_discrepancies') and p.id is not null and ${aliveOn(asOf)}`;

/** The sources every dataset type has (see above). */
function perTypeSources(type: DatasetType): IndicatorSource[] {
  return [
    sectorSource(sourceKey('linked', type.code), [type.code], linkedAlive, {
      vi: 'Dòng khớp với người còn sống trong CSDL dân cư (có hoặc không sai lệch)',
      en: 'Rows linked to a living person in the registry (with or without discrepancies)',
    }),
    sectorSource(
      sourceKey('discrepancies', type.code),
      [type.code],
      () => sql`${validRow} and l.outcome = 'matched_with_discrepancies' and p.id is not null`,
      {
        vi: 'Dòng khớp với một người nhưng có sai lệch cần chỉnh sửa',
        en: 'Rows linked to a person with discrepancies that need a correction',
      },
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
    {
      vi: 'Bản ghi hộ tịch số hoá đã khớp với một người trong CSDL dân cư (có hoặc không sai lệch)',
      en: 'Digitised civil-status records linked to a person in the registry (with or without discrepancies)',
    },
  ),
  linkShare('sector.vaccination_linked', ['vaccination']),
  linkShare('sector.health_insurance_linked', ['health-insurance']),
  attributeShare(
    'sector.facilities_eid',
    ['facilities-eid'],
    sql`(r.values->>'chipCard' = 'true' or r.values->>'vneid' = 'true')`,
    {
      vi: 'Cơ sở dùng CCCD gắn chíp hoặc VNeID',
      en: 'Facilities accepting the chip ID card or VNeID',
    },
  ),
  linkShare('sector.social_data_standardised', SOCIAL_DATASET_TYPES),
  attributeShare(
    'sector.welfare_cashless',
    ['social-assistance'],
    sql`r.values->>'paymentMethod' in ('bank_account', 'mobile_money')`,
    {
      vi: 'Người nhận trợ cấp qua tài khoản ngân hàng hoặc ví điện tử (Mobile Money)',
      en: 'Beneficiaries paid to a bank account or by mobile money',
    },
  ),
  linkShare('sector.association_members_linked', ['association-members']),
  attributeShare('sector.etax_mobile', ['household-businesses'], sql`r.values->>'eTaxMobile' = 'true'`, {
    vi: 'Hộ kinh doanh nộp thuế qua eTax Mobile',
    en: 'Household businesses filing taxes via eTax Mobile',
  }),
  ...DATASET_TYPES.flatMap(perTypeSources),
];
