// Messy agency lists with known truth (issue 16 §5), drawn from the demo registry: each row is a
// registry person (or someone outside it) written the way hand-typed commune lists write people —
// name forms, tone placement, case, spacing, i/y, ethnic spellings, every date format, sex words and
// codes, missing / wrong / old 9-digit / someone else's ID numbers, duplicates — labelled with the
// truth and the kinds of mess applied. Synthetic people only. Not a test: used by the benchmark.
import { generateProvince, type PersonSeed } from '../src/server/modules/demo';
import { LAI_CHAU_COMMUNES } from '../src/server/modules/demo/lai-chau-communes.fixture';
import type { ListRow, RegistryPerson } from '../src/server/modules/sector-data/linking';
import { placeToneMarks } from '../src/shared/text';

/** The kinds of mess a row can carry (several at once). */
export const MESS_KINDS = [
  'clean',
  'name_nfd',
  'name_old_tone',
  'name_upper',
  'name_lower',
  'name_spaces',
  'name_no_diacritics',
  'name_d_eth',
  'name_i_y',
  'name_ethnic_variant',
  'name_typo',
  'date_d_m_yy',
  'date_dashes',
  'date_iso',
  'date_excel_serial',
  'date_swapped',
  'date_year_only',
  'date_typo',
  'date_missing',
  'sex_code',
  'sex_lowercase',
  'sex_missing',
  'id_missing',
  'id_leading_zero_lost',
  'id_spaces',
  'id_legacy_cmnd',
  'id_typo',
  'id_someone_else',
  'unit_missing',
  'unit_moved',
  'not_in_registry',
  'duplicate',
] as const;
export type MessKind = (typeof MESS_KINDS)[number];

/** What the row truly is, and the outcome a perfect linker would give. */
export interface RowTruth {
  personId: string | null;
  expected: 'matched' | 'id_belongs_to_someone_else' | 'duplicate_in_list' | 'not_found';
  mess: MessKind[];
}

export interface MessyList {
  registry: RegistryPerson[];
  rows: ListRow[];
  truth: RowTruth[];
  /** Registry duplicates the demo injected (CLEAN.DUPLICATE_PERSON): a link to either record is right. */
  sameAs: Map<string, string>;
}

export interface MessyListOptions {
  seed: string;
  people: number;
  rows: number;
  /** Mess kinds never applied (to hold them out when choosing thresholds). */
  exclude?: readonly MessKind[];
}

/** sfc32-like small PRNG from a string seed (deterministic). */
function rng(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let a = h >>> 0;
  let b = 0x9e3779b9;
  let c = 0x243f6a88;
  let d = 1;
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d++) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

function province(
  seed: string,
  people: number,
): { persons: PersonSeed[]; units: Map<string, string>; heads: Map<string, string>; dupOf: Map<string, string> } {
  const persons: PersonSeed[] = [];
  const units = new Map<string, string>();
  const headOf = new Map<string, string>();
  const dupOf = new Map<string, string>();
  const gen = generateProvince(
    { seed, people, communes: [...LAI_CHAU_COMMUNES], referenceDate: '2026-11-27', provinceIdCode: '012' },
    5000,
  );
  for (let step = gen.next(); !step.done; step = gen.next()) {
    for (const h of step.value.households) {
      units.set(h.id, h.unitCode);
      headOf.set(h.id, h.headPersonId);
    }
    persons.push(...step.value.persons);
    for (const d of step.value.injected)
      if (d.code === 'CLEAN.DUPLICATE_PERSON' && d.originalPersonId) dupOf.set(d.personId, d.originalPersonId);
  }
  const names = new Map(persons.map((p) => [p.id, p.fullName]));
  const heads = new Map([...headOf].map(([h, pid]) => [h, names.get(pid) ?? '']));
  return { persons, units, heads, dupOf };
}

const D2 = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Name mess kinds and their probabilities (independent draws; a kind that changes nothing is not recorded). */
const NAME_RATES: ReadonlyArray<readonly [MessKind, number]> = [
  ['name_nfd', 0.1],
  ['name_old_tone', 0.3],
  ['name_upper', 0.12],
  ['name_lower', 0.05],
  ['name_spaces', 0.1],
  ['name_no_diacritics', 0.08],
  ['name_d_eth', 0.3],
  ['name_i_y', 0.3],
  ['name_ethnic_variant', 0.04],
  ['name_typo', 0.03],
];

export function generateMessyList(opts: MessyListOptions): MessyList {
  const random = rng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const allowed = (k: MessKind) => !opts.exclude?.includes(k);
  const { persons, units, heads, dupOf } = province('registry', opts.people);
  const registry: RegistryPerson[] = persons.map((p) => ({
    personId: p.id,
    nationalId: p.nationalId,
    legacyId: p.legacyId,
    fullName: p.fullName,
    birthDate: p.birthDate,
    birthYear: p.birthYear,
    sex: p.sex,
    unitCode: units.get(p.householdId) ?? null,
    householdId: p.householdId,
    householdHeadName: heads.get(p.householdId) ?? null,
    status: p.status,
  }));
  const byPersonId = new Map(registry.map((p) => [p.personId, p]));
  const members = new Map<string, RegistryPerson[]>();
  for (const p of registry) if (p.householdId) members.set(p.householdId, [...(members.get(p.householdId) ?? []), p]);
  const byId = new Set(persons.flatMap((p) => (p.nationalId ? [p.nationalId] : [])));
  const eligible = registry.filter((p) => p.status === 'alive' && !dupOf.has(p.personId));
  const outsiders = [
    ...province(`outside-${opts.seed}`, Math.max(2000, Math.round(opts.rows * 0.2))).persons.filter(
      (p) => p.status === 'alive' && (!p.nationalId || !byId.has(p.nationalId)),
    ),
  ].sort(() => random() - 0.5);
  const outsiderRegistry = new Map<string, RegistryPerson>();
  const rows: ListRow[] = [];
  const truth: RowTruth[] = [];
  const used = new Set<string>();

  const writeRow = (
    p: RegistryPerson,
    inRegistry: boolean,
  ): { row: Omit<ListRow, 'row'>; mess: MessKind[]; idOf?: RegistryPerson } => {
    const mess: MessKind[] = [];
    const on = (k: MessKind, rate: number): boolean => {
      if (!allowed(k) || random() >= rate) return false;
      mess.push(k);
      return true;
    };
    let name = p.fullName;
    for (const [kind, rate] of NAME_RATES) {
      if (!allowed(kind) || random() >= rate) continue;
      const changed = messName(name, kind, random);
      if (changed !== name) {
        name = changed;
        mess.push(kind);
      }
    }
    const { cell: birthDate, kind: dateKind } = writeDate(p, random, allowed);
    if (dateKind) mess.push(dateKind);
    let sex: string | undefined = p.sex === 'male' ? 'Nam' : 'Nữ';
    if (on('sex_missing', 0.06)) sex = undefined;
    else if (on('sex_code', 0.2)) sex = pick(p.sex === 'male' ? ['1', 'M', 'nam'] : ['0', 'F', '2']);
    else if (on('sex_lowercase', 0.1)) sex = p.sex === 'male' ? 'NAM' : 'nu';
    let unitCode: string | undefined = p.unitCode ?? undefined;
    if (on('unit_missing', 0.1)) unitCode = undefined;
    else if (on('unit_moved', 0.05)) unitCode = pick(LAI_CHAU_COMMUNES).code;
    const {
      cell: idNumber,
      kind: idKind,
      holder,
    } = inRegistry
      ? writeId(p, random, allowed, eligible, members.get(p.householdId ?? '') ?? [])
      : { cell: p.nationalId ?? undefined, kind: undefined, holder: undefined };
    if (idKind) mess.push(idKind);
    const householdHead = random() < 0.3 ? (p.householdHeadName ?? undefined) : undefined;
    return {
      row: { fullName: name, birthDate, sex, idNumber, unitCode, householdHead },
      mess,
      ...(holder ? { idOf: holder } : {}),
    };
  };

  const idHolders = new Map(registry.flatMap((p) => (p.nationalId ? [[p.nationalId, p] as const] : [])));
  while (rows.length < opts.rows) {
    const r = random();
    const rowNumber = rows.length + 1;
    if (r < 0.04 && rows.length > 10 && allowed('duplicate')) {
      const i = Math.floor(random() * rows.length);
      const t = truth[i]!;
      if (t.expected === 'duplicate_in_list' || t.expected === 'id_belongs_to_someone_else') continue;
      const p = t.personId ? byPersonId.get(t.personId) : outsiderRegistry.get(`row-${i}`);
      if (!p) continue;
      const w = writeRow(p, t.personId !== null && t.expected === 'matched');
      if (w.idOf) continue;
      rows.push({ row: rowNumber, ...w.row });
      truth.push({ personId: t.personId, expected: 'duplicate_in_list', mess: ['duplicate', ...w.mess] });
      continue;
    }
    if (r < 0.12 && allowed('not_in_registry')) {
      // Each outsider once: a second row of the same outsider is a labelled duplicate, never an accident.
      const o = outsiders.pop();
      if (!o) continue;
      const p: RegistryPerson = {
        personId: `row-${rows.length}`,
        nationalId: o.nationalId,
        legacyId: o.legacyId,
        fullName: o.fullName,
        birthDate: o.birthDate,
        birthYear: o.birthYear,
        sex: o.sex,
        unitCode: pick(LAI_CHAU_COMMUNES).code,
        householdId: null,
        householdHeadName: null,
        status: 'alive',
      };
      outsiderRegistry.set(p.personId, p);
      const w = writeRow(p, false);
      rows.push({ row: rowNumber, ...w.row });
      truth.push({ personId: null, expected: 'not_found', mess: ['not_in_registry', ...w.mess] });
      continue;
    }
    const p = eligible[Math.floor(random() * eligible.length)]!;
    if (used.has(p.personId)) continue;
    used.add(p.personId);
    const w = writeRow(p, true);
    const typed = typeof w.row.idNumber === 'string' ? w.row.idNumber : undefined;
    const holder = w.idOf ?? (w.mess.includes('id_typo') && typed ? idHolders.get(typed) : undefined);
    rows.push({ row: rowNumber, ...w.row });
    truth.push({
      personId: p.personId,
      expected: holder && holder.personId !== p.personId ? 'id_belongs_to_someone_else' : 'matched',
      mess: w.mess.length ? w.mess : ['clean'],
    });
  }
  const sameAs = new Map<string, string>();
  for (const [dup, orig] of dupOf) sameAs.set(dup, orig);
  return { registry, rows, truth, sameAs };
}

function messName(name: string, kind: MessKind, random: () => number): string {
  switch (kind) {
    case 'name_nfd':
      return name.normalize('NFD');
    case 'name_old_tone':
      return placeToneMarks(name, 'old');
    case 'name_upper':
      return name.toUpperCase();
    case 'name_lower':
      return name.toLowerCase();
    case 'name_spaces':
      return ` ${name.replace(/ /g, random() < 0.5 ? '  ' : '\u00a0')} `;
    case 'name_no_diacritics':
      return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    case 'name_d_eth':
      return name.replace(/Đ/g, '\u00d0');
    case 'name_i_y':
      return swapIY(name);
    case 'name_ethnic_variant':
      return ethnicVariant(name, random);
    case 'name_typo':
      return typo(name, random);
    default:
      return name;
  }
}

const Y_I: Record<string, string> = {
  y: 'i',
  ý: 'í',
  ỳ: 'ì',
  ỷ: 'ỉ',
  ỹ: 'ĩ',
  ỵ: 'ị',
  i: 'y',
  í: 'ý',
  ì: 'ỳ',
  ỉ: 'ỷ',
  ĩ: 'ỹ',
  ị: 'ỵ',
};
function swapIY(name: string): string {
  return name
    .normalize('NFC')
    .split(' ')
    .map((w) =>
      /^(qu|[bcdđghklmnprstvxBCDĐGHKLMNPRSTVX][a-zđ]*)[yýỳỷỹỵiíìỉĩị]$/u.test(w) && !/^[Qq]u/.test(w)
        ? w.slice(0, -1) + (Y_I[w.slice(-1)] ?? w.slice(-1))
        : w,
    )
    .join(' ');
}

function ethnicVariant(name: string, random: () => number): string {
  const words = name.split(' ');
  const order = words.map((_, i) => i).sort(() => random() - 0.5);
  for (const i of order) {
    const w = words[i]!;
    let v = w;
    if (/[^nhg]m$/u.test(w)) v = `${w.slice(0, -1)}n`;
    else if (/[^nhg]n$/u.test(w)) v = `${w.slice(0, -1)}m`;
    else if (/^S/u.test(w)) v = `X${w.slice(1)}`;
    else if (/^X/u.test(w)) v = `S${w.slice(1)}`;
    else if (/^Gi/u.test(w)) v = `D${w.slice(2)}`;
    if (v !== w) {
      words[i] = v;
      return words.join(' ');
    }
  }
  return name;
}

function typo(name: string, random: () => number): string {
  const words = name.split(' ');
  const i = Math.floor(random() * words.length);
  const w = Array.from(words[i]!);
  if (w.length < 3) return name;
  const at = 1 + Math.floor(random() * (w.length - 1));
  if (random() < 0.5) w.splice(at, 1);
  else w.splice(at, 0, w[at - 1]!);
  words[i] = w.join('');
  return words.join(' ');
}

function writeDate(
  p: RegistryPerson,
  random: () => number,
  allowed: (k: MessKind) => boolean,
): { cell: string | number | undefined; kind?: MessKind } {
  if (!p.birthDate) return { cell: String(p.birthYear) };
  const [y, m, d] = p.birthDate.split('-').map(Number) as [number, number, number];
  const r = random();
  const as = (k: MessKind, cell: string | number) =>
    allowed(k) ? { cell, kind: k } : { cell: `${D2(d)}/${D2(m)}/${y}` };
  if (r < 0.04) return as('date_missing', '');
  if (r < 0.12) return as('date_d_m_yy', `${d}/${m}/${D2(y % 100)}`);
  if (r < 0.2) return as('date_dashes', `${D2(d)}-${D2(m)}-${y}`);
  if (r < 0.28) return as('date_iso', p.birthDate);
  if (r < 0.36) return as('date_excel_serial', Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / 86_400_000));
  if (r < 0.41 && d !== m) return as('date_swapped', `${D2(m)}/${D2(d)}/${y}`);
  if (r < 0.47) return as('date_year_only', String(y));
  if (r < 0.5) {
    const nd = d === 28 ? 18 : d < 10 ? d + 10 : d - 10 > 0 ? d - 10 : d + 1;
    return as(
      'date_typo',
      random() < 0.5 ? `${D2(nd)}/${D2(m)}/${y}` : `${D2(d)}/${D2(m)}/${y + (random() < 0.5 ? 1 : -1)}`,
    );
  }
  return { cell: `${D2(d)}/${D2(m)}/${y}` };
}

function writeId(
  p: RegistryPerson,
  random: () => number,
  allowed: (k: MessKind) => boolean,
  others: readonly RegistryPerson[],
  family: readonly RegistryPerson[],
): { cell: string | number | undefined; kind?: MessKind; holder?: RegistryPerson } {
  const r = random();
  const id = p.nationalId;
  if (!id) return { cell: undefined };
  if (r < 0.2 && allowed('id_missing')) return { cell: undefined, kind: 'id_missing' };
  if (r < 0.25 && allowed('id_leading_zero_lost')) return { cell: Number(id), kind: 'id_leading_zero_lost' };
  if (r < 0.29 && allowed('id_spaces'))
    return { cell: `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6)}`, kind: 'id_spaces' };
  if (r < 0.35 && p.legacyId && allowed('id_legacy_cmnd')) return { cell: p.legacyId, kind: 'id_legacy_cmnd' };
  if (r < 0.39 && allowed('id_typo')) {
    const at = 6 + Math.floor(random() * 6);
    const digit = String((Number(id[at]) + 1 + Math.floor(random() * 9)) % 10);
    return { cell: id.slice(0, at) + digit + id.slice(at + 1), kind: 'id_typo' };
  }
  if (r < 0.42 && allowed('id_someone_else')) {
    // Half the time a relative's number (family members' papers get mixed up), else anyone's.
    const pool = random() < 0.5 && family.length > 1 ? family : others;
    const other = pool[Math.floor(random() * pool.length)]!;
    if (other.nationalId && other.personId !== p.personId)
      return { cell: other.nationalId, kind: 'id_someone_else', holder: other };
  }
  return { cell: id };
}
