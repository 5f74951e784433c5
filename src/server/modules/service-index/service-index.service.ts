import type { Db } from '../../platform/db';
import { FORMER_STRUCTURE_DAY } from '../../platform/indicator-sources';
import { todayInVietnam } from '../../../contracts/common';
import type {
  ServiceIndex,
  ServiceIndexQuery,
  ServiceIndexRatio,
  ServiceIndexRatioKey,
} from '../../../contracts/service-index';
import { serviceIndexCounts, type DossierIndexCounts } from '../dossiers';
import type { AccessContext } from '../identity';
import { parsePeriod } from '../kpi';
import { ratingCounts } from './ratings.service';
import { canReadIndexOf } from './service-index.policy';
import { fieldError, SERVICE_INDEX_ERRORS } from './service-index.errors';
import { resolveIndexUnit } from './units-scope';

/** The day after an ISO date. */
const nextDay = (iso: string): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** [from 00:00, asOf + 1 day 00:00) in Vietnam time (UTC+7), as the kpi sources count. */
export const windowOf = (from: string, asOf: string) => ({
  from: `${from}T00:00:00+07:00`,
  to: `${nextDay(asOf)}T00:00:00+07:00`,
});

/** The figures one ratio divides, summed over units. */
type Totals = Omit<DossierIndexCounts, 'unitCode'> & { satisfied: number; neutral: number; dissatisfied: number };

/**
 * Each ratio of the index: what it divides, in both languages, and the kpi source counting it per
 * commune (`dossiers.*` published by dossiers; `service_index.*` by this module).
 */
export const RATIO_DEFINITIONS: ReadonlyArray<{
  key: ServiceIndexRatioKey;
  labelVi: string;
  labelEn: string;
  numerator: (t: Totals) => number;
  denominator: (t: Totals) => number;
  kpiSource: string;
  note?: { vi: string; en: string };
}> = [
  {
    key: 'received_online',
    labelVi: 'Hồ sơ nộp trực tuyến / hồ sơ tiếp nhận',
    labelEn: 'Dossiers filed online / dossiers received',
    numerator: (t) => t.receivedOnline,
    denominator: (t) => t.received,
    kpiSource: 'dossiers.received_online',
  },
  {
    key: 'fully_online',
    labelVi: 'Hồ sơ trực tuyến toàn trình / hồ sơ tiếp nhận',
    labelEn: 'Dossiers handled fully online / dossiers received',
    numerator: (t) => t.fullyOnline,
    denominator: (t) => t.received,
    kpiSource: 'service_index.fully_online',
  },
  {
    key: 'paid_online',
    labelVi: 'Hồ sơ nộp phí, lệ phí trực tuyến / hồ sơ đã nộp phí, lệ phí',
    labelEn: 'Fees paid online / fees paid',
    numerator: (t) => t.feePaidOnline,
    denominator: (t) => t.feePaid,
    kpiSource: 'service_index.paid_online',
  },
  {
    key: 'decided_on_time',
    labelVi: 'Hồ sơ giải quyết đúng hạn / hồ sơ có hạn đã giải quyết',
    labelEn: 'Dossiers decided on time / dossiers with a due time decided',
    numerator: (t) => t.decidedOnTime,
    denominator: (t) => t.decided,
    kpiSource: 'dossiers.decided_on_time',
  },
  {
    key: 'result_digitised',
    labelVi: 'Kết quả cấp bản điện tử / kết quả đã cấp',
    labelEn: 'Results issued as electronic documents / results issued',
    numerator: (t) => t.resultsDigitised,
    denominator: (t) => t.resultsIssued,
    kpiSource: 'service_index.result_digitised',
  },
  {
    key: 'documents_reused',
    labelVi: 'Giấy tờ lấy từ kho dữ liệu của công dân / giấy tờ nộp kèm hồ sơ trực tuyến',
    labelEn: 'Documents taken from the citizen’s store / documents submitted with online dossiers',
    numerator: (t) => t.documentsReused,
    denominator: (t) => t.documentsSubmitted,
    kpiSource: 'service_index.documents_reused',
  },
  {
    key: 'satisfied',
    labelVi: 'Đánh giá hài lòng / lượt đánh giá',
    labelEn: 'Satisfied ratings / ratings given',
    numerator: (t) => t.satisfied,
    denominator: (t) => t.satisfied + t.neutral + t.dissatisfied,
    kpiSource: 'service_index.satisfied',
  },
];

function emptyTotals(): Totals {
  return {
    received: 0,
    receivedOnline: 0,
    fullyOnline: 0,
    feePaid: 0,
    feePaidOnline: 0,
    decided: 0,
    decidedOnTime: 0,
    resultsIssued: 0,
    resultsDigitised: 0,
    documentsSubmitted: 0,
    documentsReused: 0,
    satisfied: 0,
    neutral: 0,
    dissatisfied: 0,
  };
}

/** The period's first day and the day counted up to, on the structure asked; bad input names its field. */
function periodWindow(code: string, structure: 'current' | 'former', today: string) {
  const period = parsePeriod(code);
  if (period.from > today)
    throw fieldError(
      SERVICE_INDEX_ERRORS.PERIOD_INVALID,
      'period',
      `Kỳ ${code} chưa bắt đầu: không có số liệu cho kỳ tương lai`,
      `The period ${code} has not begun: there are no figures for a future period`,
    );
  let asOf = period.to < today ? period.to : today;
  if (structure === 'former') {
    if (period.from > FORMER_STRUCTURE_DAY)
      throw fieldError(
        SERVICE_INDEX_ERRORS.STRUCTURE_INVALID,
        'structure',
        `Cơ cấu đơn vị trước 1/7/2025 chỉ có số liệu đến 30/6/2025; kỳ ${code} bắt đầu sau đó`,
        `The structure before 1/7/2025 has figures up to 30/6/2025 only; the period ${code} begins later`,
      );
    if (asOf > FORMER_STRUCTURE_DAY) asOf = FORMER_STRUCTURE_DAY;
  }
  return { period, asOf };
}

/**
 * The service index's ratios (Bộ chỉ số 766) for a period, a unit of either structure (default the
 * province) and optionally one procedure: each with its numerator and denominator, from the
 * dossiers' columns and the ratings. The caller must hold `service_index.read` over the unit.
 */
export async function serviceIndex(
  db: Db,
  access: AccessContext,
  query: ServiceIndexQuery,
  provinceCode: string,
  now = new Date(),
): Promise<ServiceIndex> {
  const today = todayInVietnam(now);
  const structure = query.structure ?? 'current';
  const { period, asOf } = periodWindow(query.period, structure, today);
  const unit = await resolveIndexUnit(db, query.unit ?? provinceCode, structure, provinceCode, today);
  if (!canReadIndexOf(access, unit.currentCodes))
    throw fieldError(
      SERVICE_INDEX_ERRORS.SCOPE_FORBIDDEN,
      'unit',
      'Đơn vị này nằm ngoài phạm vi được xem của bạn',
      'This unit is outside the units you may read',
    );
  const filter = {
    ...windowOf(period.from, asOf),
    unitCodes: unit.recordedCodes,
    procedureCode: query.procedure ?? null,
  };
  const totals = emptyTotals();
  for (const row of await serviceIndexCounts(db, filter))
    for (const [k, v] of Object.entries(row)) if (typeof v === 'number') totals[k as keyof Totals] += v;
  for (const row of await ratingCounts(db, filter)) {
    totals.satisfied += row.satisfied;
    totals.neutral += row.neutral;
    totals.dissatisfied += row.dissatisfied;
  }
  const ratios: ServiceIndexRatio[] = RATIO_DEFINITIONS.map((d) => {
    const numerator = d.numerator(totals);
    const denominator = d.denominator(totals);
    return {
      key: d.key,
      labelVi: d.labelVi,
      labelEn: d.labelEn,
      numerator,
      denominator,
      ratio: denominator > 0 ? numerator / denominator : null,
      kpiSource: d.kpiSource,
      noteVi: d.note?.vi ?? null,
      noteEn: d.note?.en ?? null,
    };
  });
  return {
    period: period.code,
    from: period.from,
    asOf,
    structure,
    unit: { code: unit.code, name: unit.name },
    procedure: query.procedure ?? null,
    ratios,
    ratings: { satisfied: totals.satisfied, neutral: totals.neutral, dissatisfied: totals.dissatisfied },
  };
}
