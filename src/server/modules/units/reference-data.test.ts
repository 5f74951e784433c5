/**
 * Checks the committed administrative-unit reference files in `reference/`
 * (derived by scripts/derive-admin-units.ts; never read from the shared source here).
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AdminUnitsFile, UnitNameCorrectionsFile, type AdminUnit } from '../../../contracts/admin-units-file';

const REFERENCE_DIR = fileURLToPath(new URL('../../../../reference/', import.meta.url));
const UNITS_PATH = `${REFERENCE_DIR}admin-units/12.json`;
const GEOJSON_PATH = `${REFERENCE_DIR}admin-units/12-communes.geojson`;
const ID_CODES_PATH = `${REFERENCE_DIR}id-province-codes.json`;
const GEOJSON_MAX_BYTES = 400_000;

/** Minimal GeoJSON shapes read by these tests. */
type Position = number[];
type Polygon = { type: 'Polygon'; coordinates: Position[][] };
type MultiPolygon = { type: 'MultiPolygon'; coordinates: Position[][][] };
interface CommuneCollection {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    properties: { code: string; name: string; fullName: string };
    geometry: Polygon | MultiPolygon;
  }>;
}
interface IdProvinceCodes {
  source: string;
  codes: Array<{ code: string; name: string }>;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Units of a level valid on an ISO date (bounds inclusive, null = open). */
function validOn(units: AdminUnit[], level: AdminUnit['level'], date: string): AdminUnit[] {
  return units.filter(
    (u) =>
      u.level === level && (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || u.validTo >= date),
  );
}

/** Resolves a code to the single unit carrying it on a date. */
function resolve(units: AdminUnit[], code: string, date: string): AdminUnit | undefined {
  const matches = units.filter(
    (u) =>
      u.code === code && (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || u.validTo >= date),
  );
  expect(matches.length).toBeLessThanOrEqual(1);
  return matches[0];
}

/** Largest ring size in a (Multi)Polygon, i.e. whether any real polygon survived simplification. */
function largestRing(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return Math.max(0, ...polygons.map((rings) => rings[0]?.length ?? 0));
}

const file = AdminUnitsFile.parse(readJson<unknown>(UNITS_PATH));
const oldCommunes = validOn(file.units, 'commune', '2025-06-30');
const newCommunes = validOn(file.units, 'commune', '2025-07-01');

describe('reference/admin-units/12.json', () => {
  it('validates against the AdminUnitsFile schema', () => {
    expect(AdminUnitsFile.safeParse(readJson<unknown>(UNITS_PATH)).success).toBe(true);
    expect(file.provinceCode).toBe('12');
  });

  it('has one province valid in both periods', () => {
    const provinces = file.units.filter((u) => u.level === 'province');
    expect(provinces).toEqual([
      expect.objectContaining({ code: '12', name: 'Lai Châu', validFrom: null, validTo: null }),
    ]);
  });

  it('has 8 districts and 106 communes on 2025-06-30', () => {
    expect(validOn(file.units, 'district', '2025-06-30')).toHaveLength(8);
    expect(oldCommunes).toHaveLength(106);
    expect(oldCommunes.every((u) => /^\d{3}$/.test(u.parentCode ?? ''))).toBe(true);
  });

  it('has no districts and 38 communes (36 xã + 2 phường) on 2025-07-01', () => {
    expect(validOn(file.units, 'district', '2025-07-01')).toHaveLength(0);
    expect(newCommunes).toHaveLength(38);
    expect(newCommunes.filter((u) => u.type === 'xa')).toHaveLength(36);
    expect(newCommunes.filter((u) => u.type === 'phuong')).toHaveLength(2);
    expect(newCommunes.every((u) => u.parentCode === '12')).toBe(true);
  });

  it('resolves the reused code 03388 by date', () => {
    expect(resolve(file.units, '03388', '2024-01-01')?.fullName).toBe('Phường Quyết Tiến');
    expect(resolve(file.units, '03388', '2026-01-01')?.fullName).toBe('Phường Đoàn Kết');
  });

  it('maps every new commune to ≥1 predecessor and every old commune to ≥1 successor', () => {
    const newCodes = new Set(file.mergers.map((m) => m.newCode));
    const oldCodes = new Set(file.mergers.map((m) => m.oldCode));
    expect(newCommunes.filter((u) => !newCodes.has(u.code))).toEqual([]);
    expect(oldCommunes.filter((u) => !oldCodes.has(u.code))).toEqual([]);
  });

  it('stores NFC-normalised names', () => {
    const names = file.units.flatMap((u) => [u.name, u.fullName]);
    expect(names.filter((n) => n !== n.normalize('NFC'))).toEqual([]);
  });
});

describe('reference/admin-units/12-communes.geojson', () => {
  const collection = readJson<CommuneCollection>(GEOJSON_PATH);

  it(`is at most ${GEOJSON_MAX_BYTES} bytes`, () => {
    expect(statSync(GEOJSON_PATH).size).toBeLessThanOrEqual(GEOJSON_MAX_BYTES);
  });

  it('has exactly the 38 current commune codes', () => {
    const codes = collection.features.map((f) => f.properties.code).sort();
    expect(codes).toEqual(newCommunes.map((u) => u.code).sort());
  });

  it('keeps a real polygon and only code/name/fullName for every feature', () => {
    for (const feature of collection.features) {
      expect(largestRing(feature.geometry)).toBeGreaterThanOrEqual(4);
      expect(Object.keys(feature.properties).sort()).toEqual(['code', 'fullName', 'name']);
    }
  });
});

describe('reference/id-province-codes.json', () => {
  const idCodes = readJson<IdProvinceCodes>(ID_CODES_PATH);

  it('lists the 63 pre-2025 provinces as 3-digit codes, including 012 Lai Châu', () => {
    expect(idCodes.codes).toHaveLength(63);
    expect(new Set(idCodes.codes.map((c) => c.code)).size).toBe(63);
    expect(idCodes.codes.every((c) => /^0\d{2}$/.test(c.code))).toBe(true);
    expect(idCodes.codes).toContainEqual({ code: '012', name: 'Lai Châu' });
  });
});

describe('commune names against Resolution 1670/NQ-UBTVQH15 (reference/admin-units/1670_NQ-UBTVQH15-lai-chau.md)', () => {
  // The resolution's text as published has lost spaces and gained Markdown around names
  // ("xã Lản Nhì Thàngvà xãSùng Phài"), so both sides are compared without spaces and asterisks;
  // letters, tone marks and capitals must match exactly.
  const squeeze = (text: string) => text.normalize('NFC').replace(/[\s*\\]+/g, '');
  const resolution = squeeze(readFileSync(`${REFERENCE_DIR}admin-units/1670_NQ-UBTVQH15-lai-chau.md`, 'utf8'));
  const communes = file.units.filter((u) => u.level === 'commune');
  const corrections = UnitNameCorrectionsFile.parse(
    readJson<unknown>(`${REFERENCE_DIR}admin-units/12-name-corrections.json`),
  ).corrections;

  it.each(communes.map((u) => [u.code, u.validTo ?? 'now', u.name] as const))(
    'commune %s (valid to %s) is spelled "%s" as in the resolution',
    (_code, _validTo, name) => {
      expect(resolution).toContain(squeeze(name));
    },
  );

  it('the 106 former and 38 current communes are all checked', () => {
    expect(communes.filter((u) => u.validTo === '2025-06-30')).toHaveLength(106);
    expect(communes.filter((u) => u.validTo === null)).toHaveLength(38);
  });

  it.each(corrections.map((c) => [c.upstream, c.name, c.code] as const))(
    'the upstream spelling "%s" is corrected to "%s" (%s) in 12.json, full name included',
    (upstream, name, code) => {
      const unit = communes.find((u) => u.code === code && u.validTo === '2025-06-30');
      expect(unit?.name).toBe(name);
      expect(unit?.fullName).toBe(`Xã ${name}`);
      expect(resolution).not.toContain(squeeze(`xã ${upstream}`));
    },
  );
});
