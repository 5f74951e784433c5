import type { Db } from '../../platform/db';
import type { IndicatorSource, IndicatorSourceQuery, SourceCount } from '../../platform/indicator-sources';
import { serviceIndexCounts, type DossierIndexCounts } from '../dossiers';
import { ratingCounts } from './ratings.service';
import { RATIO_DEFINITIONS, windowOf } from './service-index.service';

/*
 * kpi sources of the service index (Bộ chỉ số 766) that no module published before: fully online,
 * paid online, results digitised, documents reused, satisfied ratings. `dossiers.received_online`
 * and `dossiers.decided_on_time` are dossiers' own sources and are not published twice. Per
 * receiving commune as recorded when filed (`as_recorded`); a commune with nothing to count is left out.
 */

type DossierRatio = 'fully_online' | 'paid_online' | 'result_digitised' | 'documents_reused';
const DOSSIER_FIGURES: Record<DossierRatio, [keyof DossierIndexCounts, keyof DossierIndexCounts]> = {
  fully_online: ['fullyOnline', 'received'],
  paid_online: ['feePaidOnline', 'feePaid'],
  result_digitised: ['resultsDigitised', 'resultsIssued'],
  documents_reused: ['documentsReused', 'documentsSubmitted'],
};

const windowOfQuery = (q: IndicatorSourceQuery) => ({
  ...windowOf(q.period.from, q.asOf),
  unitCodes: null,
  procedureCode: null,
});

async function dossierCounts(db: Db, q: IndicatorSourceQuery, key: DossierRatio): Promise<SourceCount[]> {
  const [num, den] = DOSSIER_FIGURES[key];
  return (await serviceIndexCounts(db, windowOfQuery(q)))
    .map((r) => ({ unitCode: r.unitCode, numerator: Number(r[num]), denominator: Number(r[den]) }))
    .filter((r) => r.denominator > 0);
}

const describe = (key: string) => {
  const d = RATIO_DEFINITIONS.find((r) => r.key === key)!;
  return { vi: `${d.labelVi} trong kỳ`, en: `${d.labelEn} in the period` };
};

export const SERVICE_INDEX_INDICATOR_SOURCES: readonly IndicatorSource[] = [
  ...(Object.keys(DOSSIER_FIGURES) as DossierRatio[]).map((key): IndicatorSource => ({
    key: `service_index.${key}`,
    describe: describe(key),
    formerUnits: 'as_recorded', // the receiving commune when filed
    count: (db, q) => dossierCounts(db, q, key),
  })),
  {
    key: 'service_index.satisfied',
    describe: describe('satisfied'),
    formerUnits: 'as_recorded', // the dossier's receiving commune, copied with the rating
    count: async (db, q) =>
      (await ratingCounts(db, windowOfQuery(q)))
        .map((r) => ({
          unitCode: r.unitCode,
          numerator: r.satisfied,
          denominator: r.satisfied + r.neutral + r.dissatisfied,
        }))
        .filter((r) => r.denominator > 0),
  },
];
