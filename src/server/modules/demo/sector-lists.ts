/**
 * The demo's sector lists (issue 16): the lists other agencies keep — health-insurance cards,
 * children under 6, vaccinations, social assistance, association members, household businesses,
 * poor households, people with merit, health facilities and digitised birth records — written as
 * CSV files the way a commune officer types them, drawn from the seeded (synthetic) registry, then
 * imported and linked through the real pipeline (`prepareImport` → `runImport` → `linkBatch`), so
 * the Project 06 dashboard's sector targets (6, 8–13) have figures. Only into an empty
 * `sector_data.batches`.
 *
 * The lists are deterministic for a registry and a reference date (seeded PRNG, people read in a
 * fixed order) and modestly messy: a few names in capitals or without tone marks, some dates as
 * d/m/yy, some ID numbers missing, about 1 % of rows with an impossible date (error rows), and a
 * few people who are not in the registry.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import { listCommunes } from '../units';
import { findDatasetType, linkBatch, prepareImport, runImport } from '../sector-data';
import { Rng } from './random';

/** One registry person as the lists need them (read-only). */
export interface ListPerson {
  nationalId: string | null;
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  sex: 'male' | 'female';
  unitCode: string;
  householdKey: string | null;
  isHead: boolean;
  address: string | null;
  phone: string | null;
  healthInsuranceNo: string | null;
  taxCode: string | null;
}

/** A commune as the lists name it. */
export interface ListCommune {
  code: string;
  fullName: string;
}

/** One CSV file to import. */
export interface DemoListFile {
  datasetType: string;
  unitCode: string;
  fileName: string;
  text: string;
  /** Data rows, and those written with an impossible date (they are refused as error rows). */
  rows: number;
  impossible: number;
}

export interface DemoListsOptions {
  /** The day the lists are drawn up (ages, card validity); default today in Vietnam. */
  referenceDate?: string;
  seed?: string;
  /** The province's code (the facilities list is the province's). */
  provinceCode: string;
  /** (unit, dataset type) pairs left without a demo list: the e2e journeys import their own there. */
  skip?: ReadonlyArray<{ unitCode: string; datasetType: string }>;
}

export interface DemoListsResult {
  batches: number;
  rows: number;
  errorRows: number;
  linked: number;
  ms: number;
}

/**
 * Phường Đoàn Kết's health-insurance list is the one the e2e journey (e2e/sector-data.e2e.test.ts)
 * imports and links itself: the demo leaves it alone.
 */
export const DEMO_LIST_SKIP = [{ unitCode: '03388', datasetType: 'health-insurance' }] as const;

const CREATED_BY = 'demo:seed';

/** Does a dataset type name people (a column the linking reads)? */
const names = (datasetType: string): boolean =>
  findDatasetType(datasetType)?.fields.some((f) => ['fullName', 'headName', 'idNumber'].includes(f.key)) ?? false;

/* ---------------------------------------------------------------- the mess */

const unaccent = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** A name as typed: mostly as in the registry, a few in capitals or without tone marks. */
function typedName(rng: Rng, name: string): string {
  const u = rng.next();
  if (u < 0.03) return name.toLocaleUpperCase('vi');
  if (u < 0.06) return unaccent(name);
  return name;
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * An ISO date as typed: dd/mm/yyyy mostly, some d/m/yy — only for the last 90 years, never a future
 * year (the century is guessed: a year after this one's two digits is read as 19yy).
 */
function typedDate(rng: Rng, iso: string, referenceYear: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (rng.chance(0.06) && referenceYear - y < 90 && y <= referenceYear) return `${d}/${m}/${two(y % 100)}`;
  return `${two(d)}/${two(m)}/${y}`;
}

/** A date no calendar has (30/02, 31/04…): the import refuses the row. */
function impossibleDate(rng: Rng, year: number): string {
  return rng.pick([`30/02/${year}`, `31/04/${year}`, `31/06/${year}`, `32/01/${year}`, `31/09/${year}`]);
}

/** A birth date cell: real (with its mess), the year alone where the registry knows no day, or impossible (~1 %). */
function birthCell(rng: Rng, p: ListPerson, referenceYear: number, counter: { impossible: number }): string {
  if (rng.chance(0.01)) {
    counter.impossible++;
    return impossibleDate(rng, p.birthYear);
  }
  if (!p.birthDate) return String(p.birthYear);
  // A day mistyped (~1.5 %): linked with a discrepancy where the ID number says who it is.
  if (rng.chance(0.015)) {
    const [y, m, d] = p.birthDate.split('-').map(Number) as [number, number, number];
    return typedDate(rng, `${y}-${two(m)}-${two(d > 20 ? d - rng.int(1, 9) : d + rng.int(1, 9))}`, referenceYear);
  }
  return typedDate(rng, p.birthDate, referenceYear);
}

/** The ID number, missing in some rows. */
const idCell = (rng: Rng, p: ListPerson, missing = 0.08): string =>
  p.nationalId && !rng.chance(missing) ? p.nationalId : '';

const sexCell = (rng: Rng, p: ListPerson): string =>
  p.sex === 'male' ? (rng.chance(0.05) ? 'nam' : 'Nam') : rng.chance(0.05) ? 'nu' : 'Nữ';

/**
 * The address as written: a commune's list names the settlement ("Bản Nà Khum, Xã …" → "Bản Nà
 * Khum"); a province's list the whole line.
 */
const addressOf = (ctx: { province: boolean }, p: ListPerson): string =>
  ctx.province ? (p.address ?? '') : (p.address ?? '').split(',')[0]!.trim();

const ageOn = (p: ListPerson, day: string): number => {
  const birth = p.birthDate ?? `${p.birthYear}-07-01`;
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
};

/** A CSV cell, quoted when it holds a comma, a quote or a line break. */
const cell = (s: string | number): string => {
  const text = String(s);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function csvText(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** "Xã Bình Lư" → "xã Bình Lư" (inside a name). */
const inName = (fullName: string): string => fullName.charAt(0).toLowerCase() + fullName.slice(1);

/** Folded file-name part of a commune ("Phường Đoàn Kết" → "doan-ket"). */
const slug = (fullName: string): string =>
  unaccent(fullName.replace(/^(Xã|Phường|Thị trấn)\s+/u, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * People outside the registry (moved in, never registered, typed wrongly beyond recognition): a
 * family name and given names of two different residents, born on another day.
 */
function stranger(rng: Rng, people: readonly ListPerson[], minAge: number, maxAge: number, year: number): ListPerson {
  const a = rng.pick(people);
  const b = rng.pick(people);
  const family = a.fullName.split(' ')[0]!;
  const rest = b.fullName.split(' ').slice(1).join(' ') || 'Văn Nam';
  const birthYear = year - rng.int(minAge, maxAge);
  return {
    ...b,
    nationalId: null,
    fullName: `${family} ${rest}`,
    birthYear,
    birthDate: `${birthYear}-${two(rng.int(1, 12))}-${two(rng.int(1, 28))}`,
    healthInsuranceNo: null,
    taxCode: null,
  };
}

/* ---------------------------------------------------------------- the lists */

interface Ctx {
  rng: Rng;
  commune: ListCommune;
  people: readonly ListPerson[];
  day: string;
  year: number;
  counter: { impossible: number };
  /** The rows go into the province's list (the agency keeps one list for the province). */
  province: boolean;
}

type ListBuilder = (ctx: Ctx) => { header: string[]; rows: Row[] } | null;

/** Picks about `share` of `people` in their order, and adds strangers (about `strangers` of the rows). */
function draw(
  ctx: Ctx,
  people: readonly ListPerson[],
  share: number,
  strangers = 0.02,
  ages: [number, number] = [18, 70],
  /** At least this many people of `people` (a small commune still has a row or two). */
  least = 0,
) {
  const chosen = people.filter(() => ctx.rng.chance(share));
  for (const p of people) {
    if (chosen.length >= least) break;
    if (!chosen.includes(p)) chosen.push(p);
  }
  const extra = Math.round(chosen.length * strangers);
  for (let i = 0; i < extra; i++)
    chosen.splice(ctx.rng.int(0, chosen.length), 0, stranger(ctx.rng, ctx.people, ages[0], ages[1], ctx.year));
  return chosen;
}

type Row = (string | number)[];

const numbered = (rows: Row[]): Row[] => rows.map((r, i) => [i + 1, ...r]);

const healthStation = (c: ListCommune): string => `Trạm y tế ${inName(c.fullName)}`;

const healthInsurance: ListBuilder = (ctx) => {
  const { rng, day, year } = ctx;
  const insured = draw(
    ctx,
    ctx.people.filter((p) => p.healthInsuranceNo),
    0.62,
    0.02,
    [0, 80],
  );
  const ward = ctx.commune.fullName.startsWith('Phường');
  const rows = insured.map((p) => {
    const card = p.healthInsuranceNo ?? `GD412${String(rng.int(0, 9_999_999_999)).padStart(10, '0')}`;
    const clinic = ward && rng.chance(0.4) ? 'Bệnh viện Đa khoa tỉnh Lai Châu' : healthStation(ctx.commune);
    return [
      card,
      typedName(rng, p.fullName),
      birthCell(rng, p, year, ctx.counter),
      sexCell(rng, p),
      idCell(rng, p),
      addressOf(ctx, p),
      clinic,
      `01/01/${year}`,
      // A child's free card runs to the sixth birthday (29 February: the 28th).
      ageOn(p, day) < 6
        ? typedDate(rng, `${p.birthYear + 6}-${(p.birthDate ?? '2000-12-31').slice(5).replace('02-29', '02-28')}`, year)
        : `31/12/${year}`,
    ];
  });
  return {
    header: [
      'STT',
      'Mã thẻ BHYT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số CCCD',
      'Địa chỉ',
      'Nơi ĐKKCB',
      'Từ ngày',
      'Đến ngày',
    ],
    rows,
  };
};

/** The household head of each household key, for the children's parent column. */
function headsOf(people: readonly ListPerson[]): Map<string, ListPerson> {
  const heads = new Map<string, ListPerson>();
  for (const p of people) if (p.isHead && p.householdKey) heads.set(p.householdKey, p);
  return heads;
}

const childrenList: ListBuilder = (ctx) => {
  const { rng, day, year } = ctx;
  const heads = headsOf(ctx.people);
  const kids = draw(
    ctx,
    ctx.people.filter((p) => ageOn(p, day) < 6),
    0.9,
    0.02,
    [0, 5],
  );
  const rows = kids.map((p) => {
    const head = p.householdKey ? heads.get(p.householdKey) : undefined;
    return [
      typedName(rng, p.fullName),
      birthCell(rng, p, year, ctx.counter),
      sexCell(rng, p),
      idCell(rng, p, 0.15),
      head && head !== p ? typedName(rng, head.fullName) : '',
      addressOf(ctx, p),
      p.healthInsuranceNo ?? '',
    ];
  });
  return {
    header: ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã định danh', 'Họ tên cha/mẹ', 'Thôn, bản', 'Mã thẻ BHYT'],
    rows,
  };
};

const VACCINES: readonly (readonly [string, number])[] = [
  ['Viêm gan B sơ sinh', 0],
  ['BCG', 0],
  ['DPT-VGB-Hib (5 trong 1)', 2],
  ['Bại liệt (OPV)', 2],
  ['Sởi', 9],
  ['Viêm não Nhật Bản', 12],
  ['Sởi - Rubella', 18],
];

const vaccination: ListBuilder = (ctx) => {
  const { rng, day, year } = ctx;
  const kids = draw(
    ctx,
    ctx.people.filter((p) => ageOn(p, day) < 6 && p.birthDate),
    0.35,
    0.01,
    [0, 5],
    1,
  );
  const rows: Row[] = [];
  for (const p of kids) {
    const birth = Date.parse(p.birthDate!);
    const months = (Date.parse(day) - birth) / (30.44 * 86_400_000);
    const due = VACCINES.filter(([, at]) => at <= months);
    if (!due.length) continue;
    const [vaccine, at] = rng.pick(due);
    const on = new Date(Math.min(birth + (at * 30.44 + rng.int(0, 40)) * 86_400_000, Date.parse(day)));
    rows.push([
      typedName(rng, p.fullName),
      birthCell(rng, p, year, ctx.counter),
      sexCell(rng, p),
      idCell(rng, p, 0.2),
      addressOf(ctx, p),
      vaccine,
      vaccine.startsWith('DPT') || vaccine.startsWith('Bại') ? rng.int(1, 3) : 1,
      typedDate(rng, on.toISOString().slice(0, 10), year),
      healthStation(ctx.commune),
    ]);
  }
  return {
    header: [
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Mã định danh',
      'Thôn/bản',
      'Vắc xin',
      'Mũi số',
      'Ngày tiêm',
      'Nơi tiêm',
    ],
    rows,
  };
};

const socialAssistance: ListBuilder = (ctx) => {
  const { rng, day, year } = ctx;
  const ward = ctx.commune.fullName.startsWith('Phường');
  // People of 75 and over without a pension, people with severe disabilities; poor elderly from 60
  // where the commune has few (a small commune still pays someone).
  const old = ctx.people.filter((p) => ageOn(p, day) >= 75);
  const disabled = ctx.people.filter((p) => ageOn(p, day) >= 6 && ageOn(p, day) < 75 && rng.chance(0.008));
  const chosen = draw(ctx, [...old, ...disabled], 0.8, 0.02, [75, 90]);
  for (const p of ctx.people)
    if (chosen.length < 2 && ageOn(p, day) >= 60 && !chosen.includes(p) && !disabled.includes(p)) chosen.push(p);
  const rows = chosen.map((p) => {
    const age = ageOn(p, day);
    const u = rng.next();
    const method = ward
      ? u < 0.35
        ? 'Tiền mặt'
        : u < 0.8
          ? 'Tài khoản ngân hàng'
          : 'Mobile Money'
      : u < 0.6
        ? 'Tiền mặt'
        : u < 0.8
          ? 'Tài khoản ngân hàng'
          : 'Mobile Money';
    const account =
      method === 'Tài khoản ngân hàng'
        ? `${rng.pick(['1', '2', '8'])}${String(rng.int(0, 999_999_999_999)).padStart(12, '0')}`
        : '';
    return [
      typedName(rng, p.fullName),
      birthCell(rng, p, year, ctx.counter),
      sexCell(rng, p),
      idCell(rng, p),
      addressOf(ctx, p),
      age >= 75
        ? 'Người cao tuổi từ 75 tuổi'
        : disabled.includes(p)
          ? 'Người khuyết tật nặng'
          : 'Người cao tuổi thuộc hộ nghèo',
      method,
      account,
      age >= 75 ? 500000 : 750000,
    ];
  });
  return {
    header: [
      'STT',
      'Họ và tên',
      'Ngày tháng năm sinh',
      'Giới tính',
      'Số CCCD',
      'Thôn, bản',
      'Diện hưởng',
      'Hình thức chi trả',
      'Số tài khoản',
      'Mức hưởng',
    ],
    rows,
  };
};

const associationMembers: ListBuilder = (ctx) => {
  const { rng, day, year } = ctx;
  const adults = draw(
    ctx,
    ctx.people.filter((p) => ageOn(p, day) >= 16),
    0.12,
  );
  const rows = adults.map((p) => {
    const age = ageOn(p, day);
    const association =
      age < 30 && rng.chance(0.7)
        ? 'Đoàn Thanh niên'
        : age >= 60
          ? p.sex === 'male' && rng.chance(0.3)
            ? 'Hội Cựu chiến binh'
            : 'Hội Người cao tuổi'
          : p.sex === 'female'
            ? 'Hội Liên hiệp Phụ nữ'
            : rng.chance(0.15) && age >= 40
              ? 'Hội Cựu chiến binh'
              : 'Hội Nông dân';
    const joined = Math.min(year, p.birthYear + (association === 'Đoàn Thanh niên' ? 16 : 20) + rng.int(0, 10));
    return [
      typedName(rng, p.fullName),
      birthCell(rng, p, year, ctx.counter),
      sexCell(rng, p),
      idCell(rng, p, 0.12),
      addressOf(ctx, p),
      p.phone && rng.chance(0.6) ? p.phone : '',
      association,
      `${two(rng.int(1, 28))}/${two(rng.int(1, 12))}/${joined}`,
    ];
  });
  return {
    header: ['STT', 'Họ tên', 'NS', 'GT', 'CCCD', 'Địa chỉ', 'SĐT', 'Tên hội', 'Ngày kết nạp'],
    rows,
  };
};

const SHOPS = [
  'Tạp hoá',
  'Quán ăn',
  'Sửa xe',
  'Bán hàng nông sản',
  'Cửa hàng vật tư nông nghiệp',
  'May đo',
  'Quán nước',
  'Cắt tóc',
];

const householdBusinesses: ListBuilder = (ctx) => {
  const { rng, day } = ctx;
  const ward = ctx.commune.fullName.startsWith('Phường');
  const owners = draw(
    ctx,
    ctx.people.filter((p) => p.isHead && ageOn(p, day) >= 20 && ageOn(p, day) < 70),
    ward ? 0.18 : 0.05,
    0.02,
    [20, 60],
    1,
  );
  const rows = owners.map((p) => {
    const given = p.fullName.split(' ').at(-1)!;
    return [
      p.taxCode ?? '',
      `${rng.pick(SHOPS)} ${given}`,
      typedName(rng, p.fullName),
      idCell(rng, p, 0.05),
      addressOf(ctx, p),
      p.phone ?? '',
      rng.chance(ward ? 0.6 : 0.3) ? 'Có' : 'Không',
    ];
  });
  return {
    header: [
      'STT',
      'Mã số thuế',
      'Tên hộ kinh doanh',
      'Chủ hộ kinh doanh',
      'Số CCCD',
      'Địa chỉ',
      'Điện thoại',
      'Sử dụng eTax Mobile',
    ],
    rows,
  };
};

const poorHouseholds: ListBuilder = (ctx) => {
  const { rng, year } = ctx;
  const ward = ctx.commune.fullName.startsWith('Phường');
  const size = new Map<string, number>();
  for (const p of ctx.people) if (p.householdKey) size.set(p.householdKey, (size.get(p.householdKey) ?? 0) + 1);
  const heads = draw(
    ctx,
    ctx.people.filter((p) => p.isHead),
    ward ? 0.04 : 0.2,
    0.02,
    [25, 70],
  );
  const rows = heads.map((p) => [
    typedName(rng, p.fullName),
    rng.chance(0.1) ? '' : birthCell(rng, p, year, ctx.counter),
    idCell(rng, p),
    addressOf(ctx, p),
    rng.chance(0.55) ? 'Hộ nghèo' : 'Hộ cận nghèo',
    (p.householdKey && size.get(p.householdKey)) || rng.int(1, 6),
    year - 1,
  ]);
  return {
    header: ['STT', 'Họ và tên chủ hộ', 'Năm sinh', 'Số CCCD', 'Thôn, bản', 'Phân loại', 'Số nhân khẩu', 'Năm rà soát'],
    rows,
  };
};

const meritList: ListBuilder = (ctx) => {
  const { rng, day, year } = ctx;
  const chosen = draw(
    ctx,
    ctx.people.filter((p) => ageOn(p, day) >= 65),
    0.06,
    0,
  );
  const rows = chosen.map((p) => {
    const category =
      p.sex === 'female' && ageOn(p, day) >= 80 && rng.chance(0.2)
        ? 'Bà mẹ Việt Nam anh hùng'
        : rng.pick(['Thân nhân liệt sĩ', 'Thương binh', 'Bệnh binh', 'Người hoạt động kháng chiến']);
    return [
      typedName(rng, p.fullName),
      birthCell(rng, p, year, ctx.counter),
      sexCell(rng, p),
      idCell(rng, p),
      addressOf(ctx, p),
      category,
      rng.pick([2_055_000, 2_789_000, 3_653_000]),
    ];
  });
  return {
    header: ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Địa chỉ', 'Đối tượng', 'Trợ cấp hằng tháng'],
    rows,
  };
};

const civilStatus: ListBuilder = (ctx) => {
  const { rng, day, year } = ctx;
  // Birth records of people born in the last decades, as the commune's books are digitised year by year.
  const born = ctx.people
    .filter((p) => p.birthDate && p.birthYear >= year - 30 && rng.chance(0.15))
    .sort((a, b) => a.birthDate!.localeCompare(b.birthDate!));
  const rows: Row[] = [];
  const entries = new Map<number, number>();
  for (const p of born) {
    const registered = new Date(Math.min(Date.parse(p.birthDate!) + rng.int(5, 60) * 86_400_000, Date.parse(day)));
    const regYear = registered.getUTCFullYear();
    const entry = (entries.get(regYear) ?? 0) + 1;
    entries.set(regYear, entry);
    const impossible = rng.chance(0.01);
    if (impossible) ctx.counter.impossible++;
    rows.push([
      'Khai sinh',
      `01/${regYear}`,
      Math.ceil(entry / 2),
      entry,
      impossible ? impossibleDate(rng, regYear) : typedDate(rng, registered.toISOString().slice(0, 10), year),
      typedName(rng, p.fullName),
      typedDate(rng, p.birthDate!, year),
      sexCell(rng, p),
      idCell(rng, p, 0.3),
      `UBND ${ctx.commune.fullName}`,
    ]);
  }
  return {
    header: [
      'STT',
      'Loại sự kiện',
      'Quyển số',
      'Trang số',
      'Số đăng ký',
      'Ngày đăng ký',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số định danh cá nhân',
      'Nơi đăng ký',
    ],
    rows,
  };
};

/**
 * The lists, in import order: the dataset type, how its rows are drawn, the file's name, whether
 * each commune sends its own list or the agency keeps one for the province (its rows then count in
 * each linked person's commune), and the share of communes that have sent theirs — or, for a
 * province's list, whose people it holds (not every commune has sent every list: the dashboard
 * then says so for the others).
 */
const LISTS: ReadonlyArray<{
  datasetType: string;
  build: ListBuilder;
  name: string;
  scope: 'commune' | 'province';
  sent: number;
}> = [
  // The commune's own lists: the insurance cards its residents hold, its children under 6, its
  // social-assistance beneficiaries and its poor and near-poor households.
  { datasetType: 'health-insurance', build: healthInsurance, name: 'the-bhyt', scope: 'commune', sent: 1 },
  { datasetType: 'children', build: childrenList, name: 'tre-em-duoi-6-tuoi', scope: 'commune', sent: 1 },
  { datasetType: 'social-assistance', build: socialAssistance, name: 'bao-tro-xa-hoi', scope: 'commune', sent: 0.8 },
  { datasetType: 'poor-households', build: poorHouseholds, name: 'ho-ngheo-can-ngheo', scope: 'commune', sent: 0.8 },
  // Lists a provincial body keeps for the whole province: the immunisation system's export, the
  // associations' consolidated member list, the justice department's digitised birth books, the tax
  // office's household businesses, the merit files.
  { datasetType: 'vaccination', build: vaccination, name: 'tiem-chung', scope: 'province', sent: 0.85 },
  { datasetType: 'association-members', build: associationMembers, name: 'hoi-vien', scope: 'province', sent: 0.85 },
  { datasetType: 'civil-status-records', build: civilStatus, name: 'so-khai-sinh', scope: 'province', sent: 0.8 },
  {
    datasetType: 'household-businesses',
    build: householdBusinesses,
    name: 'ho-kinh-doanh',
    scope: 'province',
    sent: 1,
  },
  { datasetType: 'merit', build: meritList, name: 'nguoi-co-cong', scope: 'province', sent: 1 },
];

/** The province's list of health facilities: each commune's health station and a few clinics. */
function facilitiesList(rng: Rng, communes: readonly ListCommune[], provinceCode: string): DemoListFile {
  const rows: Row[] = [];
  let n = 0;
  const add = (name: string, address: string, chip: number, vneid: number) => {
    n++;
    rows.push([
      `${provinceCode}${String(n).padStart(3, '0')}`,
      name,
      address,
      rng.chance(chip) ? 'Có' : 'Không',
      rng.chance(vneid) ? 'Có' : 'Không',
    ]);
  };
  add('Bệnh viện Đa khoa tỉnh Lai Châu', 'Phường Đoàn Kết', 1, 1);
  add('Bệnh viện Y dược cổ truyền tỉnh Lai Châu', 'Phường Tân Phong', 1, 0.5);
  for (const c of communes) {
    const ward = c.fullName.startsWith('Phường');
    add(healthStation(c), c.fullName, ward ? 0.95 : 0.7, ward ? 0.8 : 0.4);
    if (ward || rng.chance(0.1)) add(`Phòng khám đa khoa tư nhân ${inName(c.fullName)} (demo)`, c.fullName, 0.5, 0.3);
  }
  const text = csvText(['STT', 'Mã cơ sở KCB', 'Tên cơ sở KCB', 'Địa chỉ', 'CCCD gắn chíp', 'VNeID'], numbered(rows));
  return {
    datasetType: 'facilities-eid',
    unitCode: provinceCode,
    fileName: 'co-so-kcb-cccd-vneid.csv',
    text,
    rows: rows.length,
    impossible: 0,
  };
}

/**
 * The demo's list files for a registry (pure: the same people, communes and options give the same
 * files). Communes in code order; people in the order given (read them in a fixed order).
 */
export function demoListFiles(
  people: readonly ListPerson[],
  communes: readonly ListCommune[],
  options: DemoListsOptions,
): DemoListFile[] {
  const day = options.referenceDate ?? todayInVietnam();
  const year = Number(day.slice(0, 4));
  const seed = options.seed ?? 'demo-sector-lists';
  const skip = new Set((options.skip ?? []).map((s) => `${s.unitCode}|${s.datasetType}`));
  const byUnit = new Map<string, ListPerson[]>();
  for (const p of people) {
    const list = byUnit.get(p.unitCode);
    if (list) list.push(p);
    else byUnit.set(p.unitCode, [p]);
  }
  const files: DemoListFile[] = [];
  const sorted = [...communes].sort((a, b) => a.code.localeCompare(b.code));
  const file = (
    datasetType: string,
    unitCode: string,
    fileName: string,
    header: string[],
    rows: Row[],
    impossible: number,
  ) =>
    files.push({
      datasetType,
      unitCode,
      fileName,
      text: csvText(header, numbered(rows)),
      rows: rows.length,
      impossible,
    });
  for (const list of LISTS) {
    const province = list.scope === 'province';
    const all: Row[] = [];
    let header: string[] = [];
    let impossible = 0;
    for (const commune of sorted) {
      const residents = byUnit.get(commune.code) ?? [];
      if (residents.length === 0 || skip.has(`${commune.code}|${list.datasetType}`)) continue;
      const rng = new Rng(`${seed}:${day}:${commune.code}:${list.datasetType}`);
      if (!rng.chance(list.sent)) continue;
      const counter = { impossible: 0 };
      const drawn = list.build({ rng, commune, people: residents, day, year, counter, province });
      if (!drawn || drawn.rows.length === 0) continue;
      if (province) {
        all.push(...drawn.rows);
        header = drawn.header;
        impossible += counter.impossible;
      } else
        file(
          list.datasetType,
          commune.code,
          `${list.name}-${slug(commune.fullName)}-${year}.csv`,
          drawn.header,
          drawn.rows,
          counter.impossible,
        );
    }
    if (province && all.length)
      file(list.datasetType, options.provinceCode, `${list.name}-tinh-${year}.csv`, header, all, impossible);
  }
  if (sorted.length) files.push(facilitiesList(new Rng(`${seed}:${day}:facilities`), sorted, options.provinceCode));
  return files;
}

/** How far a batch's linking went (`linked` when done). */
async function linkState(database: Database, batchId: string): Promise<string | undefined> {
  const [row] = await queryRows<{ link_state: string }>(
    database.db,
    sql`select link_state from sector_data.batches where id = ${batchId}`,
  );
  return row?.link_state;
}

/** The registry's living residents, read-only, in a fixed order (the lists are drawn in it). */
export async function readListPeople(db: Db): Promise<ListPerson[]> {
  const rows = await queryRows<{
    national_id: string | null;
    full_name: string;
    birth_date: string | null;
    birth_year: number;
    sex: 'male' | 'female';
    unit_code: string;
    household_id: string | null;
    is_head: boolean;
    address: string | null;
    phone: string | null;
    health_insurance_no: string | null;
    tax_code: string | null;
  }>(
    db,
    sql`select p.national_id, p.full_name, p.birth_date::text as birth_date, p.birth_year, p.sex,
               p.residence_unit_code as unit_code, p.household_id::text as household_id,
               coalesce(h.head_person_id = p.id, false) as is_head, h.address_line as address, p.phone,
               p.health_insurance_no, p.tax_code
          from population.persons p
          left join population.households h on h.id = p.household_id
         where p.status = 'alive' and p.residence_unit_code is not null
         order by p.residence_unit_code, p.full_name, p.birth_date nulls first, p.birth_year, p.national_id nulls first,
                  p.health_insurance_no nulls first, p.tax_code nulls first, h.address_line nulls first`,
  );
  return rows.map((r) => ({
    nationalId: r.national_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    birthYear: Number(r.birth_year),
    sex: r.sex,
    unitCode: r.unit_code,
    householdKey: r.household_id,
    isHead: r.is_head,
    address: r.address,
    phone: r.phone,
    healthInsuranceNo: r.health_insurance_no,
    taxCode: r.tax_code,
  }));
}

/**
 * Seeds the demo's sector lists into an empty `sector_data.batches`: writes the files into a
 * temporary directory (removed afterwards), imports each through `prepareImport` + `runImport` and
 * links it with `linkBatch`. Returns zeros when a batch exists already (a restart, or real lists).
 */
export async function seedDemoSectorLists(database: Database, options: DemoListsOptions): Promise<DemoListsResult> {
  const started = Date.now();
  const none = { batches: 0, rows: 0, errorRows: 0, linked: 0, ms: 0 };
  // Never beside the province's own lists. A seeding that ran to its end committed its last file, the
  // health facilities' list; one cut short (the server stopped during a first start) is finished now:
  // a file imported already is found by its content (a duplicate, nothing new), and linked if it was not.
  const [state] = await queryRows<{ others: boolean; finished: boolean }>(
    database.db,
    sql`select exists (select 1 from sector_data.batches where created_by <> ${CREATED_BY}) as others,
               exists (select 1 from sector_data.batches where created_by = ${CREATED_BY}
                          and dataset_type = 'facilities-eid' and state = 'committed') as finished`,
  );
  if (state?.others || state?.finished) return none;
  const day = options.referenceDate ?? todayInVietnam();
  const communes = (await listCommunes(database.db, day)).map((u) => ({ code: u.code, fullName: u.fullName }));
  const files = demoListFiles(await readListPeople(database.db), communes, { ...options, referenceDate: day });
  if (files.length === 0) return none;
  const dir = await mkdtemp(join(tmpdir(), 'dvc06-demo-lists-'));
  const result = { ...none };
  try {
    for (const file of files) {
      const path = join(dir, file.fileName);
      await writeFile(path, file.text);
      const prepared = await prepareImport(database, {
        datasetType: file.datasetType,
        unitCode: file.unitCode,
        fileName: file.fileName,
        path,
        createdBy: CREATED_BY,
      });
      const outcome = await runImport(database, prepared);
      if (!outcome.duplicate) {
        result.batches++;
        result.rows += outcome.rowCount;
        result.errorRows += outcome.errorCount;
      }
      // A list naming no one (the health facilities) has nothing to link to the registry.
      if (!names(file.datasetType)) continue;
      if (outcome.duplicate && (await linkState(database, outcome.batchId)) === 'linked') continue;
      const linked = await linkBatch(database, outcome.batchId, { referenceYear: Number(day.slice(0, 4)) });
      result.linked += linked.counts.matched + linked.counts.matched_with_discrepancies;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { ...result, ms: Date.now() - started };
}
