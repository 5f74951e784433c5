import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import { addMonths, monthOf, monthsBetween, type FacilityKind, type MonthlyFigures } from '../../../contracts/cashless';
import type { Unit } from '../../../contracts/units';
import { listCommunes } from '../units';
import * as repo from './facilities.repository';
import { recordFigures, type FiguresToRecord } from './imports.service';

/**
 * A synthetic demo register for the province (schools and health facilities per commune) and
 * six months of synthetic figures. Deterministic: the same communes and months give the same
 * register and figures. Names are numbered ("Trường Tiểu học số 1 xã Bình Lư") so nobody takes
 * them for real facilities.
 */

/** A small seeded generator (mulberry32) over a string key (FNV-1a). */
export function seededRandom(key: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A demo facility before it is stored. */
export interface DemoFacility {
  code: string;
  kind: FacilityKind;
  typeCode: string;
  name: string;
  communeCode: string;
  inWard: boolean;
}

interface Plan {
  typeCode: string;
  kind: FacilityKind;
  prefix: string;
  label: string;
  count: (ward: boolean, rnd: () => number, index: number) => number;
}

/** How many of each sub-kind a commune gets (wards are towns: more schools, the hospitals). */
const PLANS: readonly Plan[] = [
  {
    typeCode: 'kindergarten',
    kind: 'school',
    prefix: 'MN',
    label: 'Trường Mầm non',
    count: (w, r) => (w ? 3 : 1 + Number(r() < 0.4)),
  },
  {
    typeCode: 'primary',
    kind: 'school',
    prefix: 'TH',
    label: 'Trường Tiểu học',
    count: (w, r) => (w ? 3 : 1 + Number(r() < 0.5)),
  },
  {
    typeCode: 'lower_secondary',
    kind: 'school',
    prefix: 'THCS',
    label: 'Trường Trung học cơ sở',
    count: (w) => (w ? 2 : 1),
  },
  {
    typeCode: 'ethnic_semi_boarding',
    kind: 'school',
    prefix: 'PTDTBT',
    label: 'Trường Phổ thông Dân tộc bán trú',
    count: (w, r) => (w ? 0 : Number(r() < 0.5)),
  },
  {
    typeCode: 'upper_secondary',
    kind: 'school',
    prefix: 'THPT',
    label: 'Trường Trung học phổ thông',
    count: (w, r) => (w ? 2 : Number(r() < 0.25)),
  },
  {
    typeCode: 'ethnic_boarding',
    kind: 'school',
    prefix: 'PTDTNT',
    label: 'Trường Phổ thông Dân tộc nội trú',
    count: (w, _r, i) => (w ? 1 : Number(i % 6 === 3)),
  },
  { typeCode: 'commune_health_station', kind: 'health_facility', prefix: 'TYT', label: 'Trạm Y tế', count: () => 1 },
  {
    typeCode: 'regional_polyclinic',
    kind: 'health_facility',
    prefix: 'PKKV',
    label: 'Phòng khám Đa khoa khu vực',
    count: (w, r) => (w ? 0 : Number(r() < 0.15)),
  },
  {
    typeCode: 'district_hospital',
    kind: 'health_facility',
    prefix: 'BVKV',
    label: 'Bệnh viện Đa khoa khu vực',
    count: (w, _r, i) => (w ? 0 : Number(i % 5 === 2)),
  },
  {
    typeCode: 'provincial_hospital',
    kind: 'health_facility',
    prefix: 'BVT',
    label: 'Bệnh viện tuyến tỉnh',
    count: (w) => (w ? 1 : 0),
  },
];

/** "Xã Bình Lư" → "xã Bình Lư" (inside a name). */
function inName(fullName: string): string {
  return fullName.charAt(0).toLowerCase() + fullName.slice(1);
}

/** The demo register of some communes, in commune order. */
export function demoFacilities(communes: readonly Pick<Unit, 'code' | 'fullName' | 'type'>[]): DemoFacility[] {
  const out: DemoFacility[] = [];
  [...communes]
    .sort((a, b) => a.code.localeCompare(b.code))
    .forEach((commune, index) => {
      const ward = commune.type === 'phuong';
      const rnd = seededRandom(`facilities:${commune.code}`);
      for (const plan of PLANS) {
        const n = plan.count(ward, rnd, index);
        for (let i = 1; i <= n; i++) {
          out.push({
            code: `${plan.prefix}-${commune.code}-${i}`,
            kind: plan.kind,
            typeCode: plan.typeCode,
            name: `${plan.label} số ${i} ${inName(commune.fullName)}`,
            communeCode: commune.code,
            inWard: ward,
          });
        }
      }
    });
  return out;
}

/** Typical monthly transactions and amount per transaction (VND) by sub-kind. */
const VOLUME: Record<string, [number, number, number]> = {
  kindergarten: [60, 180, 450_000],
  primary: [120, 380, 250_000],
  lower_secondary: [120, 350, 300_000],
  upper_secondary: [200, 600, 350_000],
  ethnic_semi_boarding: [80, 250, 150_000],
  ethnic_boarding: [150, 400, 200_000],
  commune_health_station: [40, 220, 60_000],
  regional_polyclinic: [300, 900, 180_000],
  district_hospital: [1500, 4500, 650_000],
  provincial_hospital: [4000, 9000, 1_200_000],
};

/**
 * One facility-month of demo figures, or null when it did not report. Wards are almost fully
 * cashless and improve month by month; communes start lower. A facility that has gone fully
 * cashless stays so in later months. Schools of general education have
 * few or no transactions in July (summer break).
 */
export function demoFigures(facility: DemoFacility, month: string, step: number, steps: number): MonthlyFigures | null {
  const rnd = seededRandom(`figures:${facility.code}:${month}`);
  if (rnd() < 0.05) return null;
  const [low, high, perTransaction] = VOLUME[facility.typeCode] ?? [50, 200, 100_000];
  const summer = facility.kind === 'school' && facility.typeCode !== 'kindergarten' && month.endsWith('-07');
  if (summer && rnd() < 0.3) return { cashlessCount: 0, cashCount: 0, cashlessAmount: 0, cashAmount: 0 };
  const total = Math.round((low + rnd() * (high - low)) * (summer ? 0.2 : 1));
  const progress = steps > 1 ? step / (steps - 1) : 1;
  // Each facility turns fully cashless at its own moment and stays so (the bar rises month by month).
  const adoption = seededRandom(`adoption:${facility.code}`)();
  const fullyCashless = adoption < (facility.inWard ? 0.45 + 0.5 * progress : 0.05 + 0.25 * progress);
  const share = fullyCashless
    ? 1
    : Math.min(0.99, (facility.inWard ? 0.8 + 0.15 * progress : 0.3 + 0.35 * progress) + (rnd() - 0.5) * 0.2);
  const cashlessCount = fullyCashless ? total : Math.max(0, Math.min(total - 1, Math.round(total * share)));
  const cashCount = total - cashlessCount;
  const amount = (n: number) => (n === 0 ? 0 : Math.round((n * perTransaction * (0.8 + rnd() * 0.4)) / 1000) * 1000);
  return { cashlessCount, cashCount, cashlessAmount: amount(cashlessCount), cashAmount: amount(cashCount) };
}

export interface DemoFacilitiesResult {
  created: number;
  figures: number;
}

/**
 * Seeds the demo register and the six complete months before `asOf` (default today in Vietnam)
 * when the register is empty; does nothing otherwise (never over an administrator's register).
 * Called by bootstrap.ts only when the demo is seeded.
 */
export async function seedDemoFacilities(
  db: Db,
  options: { asOf?: string; months?: number } = {},
): Promise<DemoFacilitiesResult> {
  if ((await repo.countFacilities(db)) > 0) return { created: 0, figures: 0 };
  const asOf = options.asOf ?? todayInVietnam();
  const planned = demoFacilities(await listCommunes(db, asOf));
  if (planned.length === 0) return { created: 0, figures: 0 };
  const stored = await repo.insertFacilities(
    db,
    planned.map(({ inWard: _inWard, ...f }) => ({ ...f, active: true })),
  );
  const idByCode = new Map(stored.map((f) => [f.code, f.id]));
  const last = addMonths(monthOf(asOf), -1);
  const months = monthsBetween(addMonths(last, -((options.months ?? 6) - 1)), last);
  const rows: FiguresToRecord[] = [];
  for (const facility of planned) {
    months.forEach((month, step) => {
      const figures = demoFigures(facility, month, step, months.length);
      if (figures)
        rows.push({
          line: rows.length + 1,
          facilityId: idByCode.get(facility.code)!,
          facilityCode: facility.code,
          month,
          figures,
        });
    });
  }
  await recordFigures(
    db,
    {
      fileName: 'du-lieu-mau',
      format: 'demo',
      sha256: 'demo',
      accountId: null,
      accountName: 'Dữ liệu mẫu (tổng hợp)',
      skipped: 0,
    },
    rows,
  );
  return { created: stored.length, figures: rows.length };
}
