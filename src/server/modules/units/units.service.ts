import type { Db } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import type { Unit, UnitLink, UnitNode, UnitWithFormerNames } from '../../../contracts/units';
import { formatDateVi } from '../../../contracts/common';
import * as repo from './units.repository';

/** Builds the tree of units valid on `asOf` (province → districts → communes, or province → communes after 2025). */
export async function getUnitTree(db: Db, provinceCode: string, asOf: string): Promise<UnitNode> {
  const all = await repo.listUnitsValidOn(db, asOf);
  const nodes = new Map(all.map((u) => [u.code, { ...u, children: [] as UnitNode[] }]));
  for (const node of nodes.values()) {
    if (node.parentCode) nodes.get(node.parentCode)?.children.push(node);
  }
  const root = nodes.get(provinceCode);
  if (!root)
    throw notFound(
      'UNIT.NOT_FOUND',
      `tỉnh mã ${provinceCode} vào ngày ${formatDateVi(asOf)}`,
      `Province ${provinceCode} on ${asOf}`,
    );
  return root;
}

/** The unit carrying `code` on `asOf`; throws UNIT.NOT_FOUND naming the other periods the code was valid in. */
export async function getUnit(db: Db, code: string, asOf: string): Promise<Unit> {
  const unit = await repo.findUnitValidOn(db, code, asOf);
  if (unit) return unit;
  const others = await repo.listUnitsByCode(db, code);
  const hintVi = others
    .map(
      (u) =>
        `${u.fullName} (${u.validFrom ? `từ ${formatDateVi(u.validFrom)}` : 'trước đây'}${u.validTo ? ` đến ${formatDateVi(u.validTo)}` : ' đến nay'})`,
    )
    .join('; ');
  const hintEn = others.map((u) => `${u.fullName} (${u.validFrom ?? '…'} → ${u.validTo ?? 'now'})`).join('; ');
  throw new AppError(
    'UNIT.NOT_FOUND',
    `Không có đơn vị hành chính mã ${code} vào ngày ${formatDateVi(asOf)}${hintVi ? `. Mã này thuộc: ${hintVi}` : ''}`,
    `No administrative unit with code ${code} on ${asOf}${hintEn ? `. This code belongs to: ${hintEn}` : ''}`,
    [
      {
        field: 'code',
        code: 'UNIT.NOT_FOUND',
        messageVi: `Mã ${code} không có vào ngày ${formatDateVi(asOf)}`,
        messageEn: `Code ${code} not valid on ${asOf}`,
      },
    ],
  );
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The units an old unit became (successors) or the units a new unit was made of (predecessors).
 * Because codes were reused, the old side is resolved on the day before the reorganisation and the new side on its first day.
 */
export async function listLinkedUnits(
  db: Db,
  code: string,
  direction: 'successors' | 'predecessors',
): Promise<UnitLink[]> {
  const links = await repo.listMergerLinks(db, code, direction);
  const result: UnitLink[] = [];
  for (const link of links) {
    const otherCode = direction === 'successors' ? link.newCode : link.oldCode;
    const on = direction === 'successors' ? link.effectiveOn : dayBefore(link.effectiveOn);
    const unit = await repo.findUnitValidOn(db, otherCode, on);
    if (unit) result.push({ unit, type: link.type, effectiveOn: link.effectiveOn });
  }
  if (result.length === 0) {
    const exists = (await repo.listUnitsByCode(db, code)).length > 0;
    if (!exists) throw notFound('UNIT.NOT_FOUND', `đơn vị hành chính mã ${code}`, `Administrative unit ${code}`);
  }
  return result;
}

/**
 * Where each former unit went in the 2025 reorganisation, for units merged whole into one new unit
 * (all of Lai Châu's communes): old code → new code. A unit split between several new ones has no
 * single successor and is left out — its figures cannot be put on one of today's units.
 */
export async function successorCodes(db: Db): Promise<Map<string, string>> {
  const links = await repo.listFullMergerLinks(db);
  const targets = new Map<string, Set<string>>();
  for (const l of links) {
    const set = targets.get(l.oldCode) ?? new Set<string>();
    set.add(l.type === 'full' ? l.newCode : `partial:${l.newCode}`);
    targets.set(l.oldCode, set);
  }
  const out = new Map<string, string>();
  for (const [old, set] of targets) {
    const [only] = [...set];
    if (set.size === 1 && only && !only.startsWith('partial:')) out.set(old, only);
  }
  return out;
}

/** Current communes (level 'commune' valid on `asOf`): the units people live in. */
export async function listCommunes(db: Db, asOf: string): Promise<Unit[]> {
  return repo.listUnitsValidOn(db, asOf, { level: 'commune' });
}

/** Units valid on `asOf`, filtered by level, parent or an accent-insensitive name fragment. */
export async function listUnits(
  db: Db,
  asOf: string,
  filter: Parameters<typeof repo.listUnitsValidOn>[2],
  options: { formerNames?: boolean } = {},
): Promise<UnitWithFormerNames[]> {
  const units = await repo.listUnitsValidOn(db, asOf, filter);
  if (!options.formerNames) return units;
  const former = await repo.listFormerNames(db, asOf);
  return units.map((u) => ({ ...u, formerNames: (former.get(u.code) ?? []).filter((n) => n !== u.fullName) }));
}

/** Parent links of the tree valid on a date: ancestry (unit → root) and descendants (unit → all below). */
export interface UnitHierarchy {
  /** The unit and its ancestors, nearest first (['03388', '12']); [code] for an unknown code. */
  ancestry(code: string): readonly string[];
  /** The unit and every unit below it. */
  descendants(code: string): readonly string[];
}

const hierarchyCache = new WeakMap<Db, { asOf: string; at: number; hierarchy: UnitHierarchy }>();

/** The unit hierarchy valid on `asOf`, cached for a minute per database handle (units rarely change). */
export async function getUnitHierarchy(db: Db, asOf: string): Promise<UnitHierarchy> {
  const cached = hierarchyCache.get(db);
  if (cached && cached.asOf === asOf && Date.now() - cached.at < 60_000) return cached.hierarchy;
  const all = await repo.listUnitsValidOn(db, asOf);
  const parent = new Map(all.map((u) => [u.code, u.parentCode]));
  const children = new Map<string, string[]>();
  for (const u of all) if (u.parentCode) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u.code]);
  const hierarchy: UnitHierarchy = {
    ancestry: (code) => {
      const chain = [code];
      for (let p = parent.get(code); p && !chain.includes(p); p = parent.get(p)) chain.push(p);
      return chain;
    },
    descendants: (code) => {
      const out = [code];
      for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
      return out;
    },
  };
  hierarchyCache.set(db, { asOf, at: Date.now(), hierarchy });
  return hierarchy;
}

const unitsCache = new WeakMap<Db, Map<string, { at: number; units: Promise<Map<string, Unit>> }>>();

/** The units valid on `asOf` by code, cached for a minute per database handle and date. */
async function unitsValidOn(db: Db, asOf: string): Promise<Map<string, Unit>> {
  let byDate = unitsCache.get(db);
  if (!byDate) unitsCache.set(db, (byDate = new Map<string, { at: number; units: Promise<Map<string, Unit>> }>()));
  let cached = byDate.get(asOf);
  if (!cached || Date.now() - cached.at > 60_000) {
    if (byDate.size > 31) byDate.clear();
    const units = repo.listUnitsValidOn(db, asOf).then((all) => new Map(all.map((u) => [u.code, u])));
    units.catch(() => byDate.delete(asOf));
    byDate.set(asOf, (cached = { at: Date.now(), units }));
  }
  return cached.units;
}

/**
 * Full names of the units valid on `asOf`, by code (null for a code unknown then), cached for a
 * minute per database handle and date: every form, fee and dossier names communes, and units
 * change a few times a decade.
 */
export async function getUnitNames(db: Db, asOf: string): Promise<(code: string | null) => string | null> {
  const units = await unitsValidOn(db, asOf);
  return (code) => (code ? (units.get(code)?.fullName ?? null) : null);
}

/** The unit carrying `code` on `asOf`, or undefined; from the same minute-long cache as {@link getUnitNames}. */
export async function findUnitCached(db: Db, code: string, asOf: string): Promise<Unit | undefined> {
  return (await unitsValidOn(db, asOf)).get(code);
}
