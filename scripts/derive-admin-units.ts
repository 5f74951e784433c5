/**
 * Derives one province's administrative-unit reference files from the shared
 * upstream data set (see ATTRIBUTION.md in the output directory):
 *
 *   reference/admin-units/<code>.json              units before/after 2025-07-01 + mapping
 *   reference/admin-units/<code>-communes.geojson  simplified boundaries of current communes
 *   reference/admin-units/LICENSE-*.txt            upstream licences
 *   reference/id-province-codes.json               3-digit birth-registration codes (national)
 *
 * Usage: npx tsx scripts/derive-admin-units.ts <provinceCode> [--source <dir>] [--out <dir>]
 *   <provinceCode>  2-digit code of the province in the current (2025-07-01) structure
 *   --source        upstream data directory (default /work/shared/data/admin-units or
 *                   $ADMIN_UNITS_SOURCE_DIR)
 *   --out           root to write `reference/...` under (default: the repository root)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import simplify from '@turf/simplify';
import truncate from '@turf/truncate';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import {
  AdminUnitsFile,
  type AdminUnit,
  type AdminUnitLevel,
  type AdminUnitMerger,
  type AdminUnitType,
  UnitNameCorrectionsFile,
  correctUnitName,
} from '../src/contracts/admin-units-file';

// ---------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------

const DEFAULT_SOURCE_DIR = process.env.ADMIN_UNITS_SOURCE_DIR ?? '/work/shared/data/admin-units';
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Output locations under a root directory (the repository unless --out is given). */
function outputPaths(root: string): { unitsDir: string; idCodesFile: string } {
  return {
    unitsDir: join(root, 'reference', 'admin-units'),
    idCodesFile: join(root, 'reference', 'id-province-codes.json'),
  };
}

/** First day of the two-tier structure (districts abolished). */
const NEW_STRUCTURE_FROM = '2025-07-01';
/** Last day of the three-tier structure. */
const OLD_STRUCTURE_TO = '2025-06-30';

const SOURCE_FILES = {
  pre2025: 'units-pre-2025.json',
  current: 'units-2026-07.json',
  merges: 'mapping-2025/merges.json',
  splits: 'mapping-2025/splits.json',
} as const;

const LICENSE_FILES = ['LICENSE-vietnamese-provinces-database.txt', 'LICENSE-dvhcvn-20250701.txt'] as const;

/** Counts known to be right for a province; a mismatch aborts the run. */
interface ExpectedCounts {
  districts: number;
  oldCommunes: number;
  newCommunes: number;
  newCommunesByType: Partial<Record<AdminUnitType, number>>;
}

const EXPECTED_COUNTS: Record<string, ExpectedCounts> = {
  // Lai Châu: Resolution 1670/NQ-UBTVQH15 — 106 communes → 36 xã + 2 phường.
  '12': { districts: 8, oldCommunes: 106, newCommunes: 38, newCommunesByType: { xa: 36, phuong: 2 } },
};

/** GeoJSON output: aim for this many bytes at most (largest detail that fits)… */
const GEOJSON_TARGET_BYTES = 350_000;
/** …and never exceed this. */
const GEOJSON_MAX_BYTES = 400_000;
/** Decimal places kept in coordinates (4 ≈ 11 m, far below the simplification tolerance). */
const GEOJSON_PRECISION = 4;
/** Search range for the simplification tolerance, in degrees. */
const TOLERANCE_RANGE: readonly [number, number] = [1e-6, 1e-1];
const TOLERANCE_SEARCH_STEPS = 30;

const UNITS_SOURCE_TEXT =
  'Derived by scripts/derive-admin-units.ts. Units: thanglequoc/vietnamese-provinces-database ' +
  '(MIT, © 2021 Thang Le Quoc) — tag v2.4.1 json/simplified_json_generated_data_vn_units.json for the ' +
  'structure until 2025-06-30, HEAD of 2026-08-02 json/simplified_json_generated_data_vn_units_2026-07-25__20_49_07.json ' +
  'for the structure from 2025-07-01. Old → new mapping: dvhcvn/20250701 mapping/merges.json, cross-checked ' +
  'with mapping/splits.json (MIT, © 2025 dvhcvn). See reference/admin-units/ATTRIBUTION.md.';

const ID_CODES_SOURCE_TEXT =
  'Birth-registration province codes (first 3 digits of the 12-digit personal ID number): the 2-digit ' +
  'province codes of the 63 provinces in force until 2025-06-30, zero-padded to 3 digits, with their short ' +
  'names. Derived by scripts/derive-admin-units.ts from thanglequoc/vietnamese-provinces-database tag v2.4.1 ' +
  '(MIT, © 2021 Thang Le Quoc). ID numbers of people whose birth was registered abroad start with other ' +
  '(country) codes, which are not listed here.';

// ---------------------------------------------------------------------------
// Upstream shapes (only the fields we read)
// ---------------------------------------------------------------------------

interface RawUnit {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
}
interface RawOldCommune extends RawUnit {
  DistrictCode: string;
}
interface RawOldDistrict extends RawUnit {
  ProvinceCode: string;
  Ward: RawOldCommune[] | null;
}
interface RawOldProvince extends RawUnit {
  District: RawOldDistrict[] | null;
}
interface RawNewCommune extends RawUnit {
  ProvinceCode: string;
}
interface RawNewProvince extends RawUnit {
  CodeName: string;
  Wards: RawNewCommune[];
}
interface RawMergeEntry {
  old_id: string;
  name: string;
  type: 'full' | 'partial';
}
interface RawMergesFile {
  data: Array<{
    level1_id: string;
    name: string;
    merges: RawMergeEntry[];
    level2s: Array<{ level2_id: string; name: string; merges: RawMergeEntry[] }>;
  }>;
}
interface RawSplitNode {
  name: string;
  splits: Array<{ new_id: string; name: string }>;
}
interface RawSplitsFile {
  data: Array<
    RawSplitNode & {
      level1_id: string;
      level2s?: Array<RawSplitNode & { level2_id: string }>;
      level3s: Array<RawSplitNode & { level3_id: string }>;
    }
  >;
}

interface Sources {
  pre2025: RawOldProvince[];
  current: RawNewProvince[];
  merges: RawMergesFile;
  splits: RawSplitsFile;
}

type BoundaryFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
type CommuneFeature = Feature<MultiPolygon, { code: string; name: string; fullName: string }>;

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/** Throws: every inconsistency in the upstream data must stop the run. */
function fail(message: string): never {
  throw new Error(message);
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** NFC-normalises and collapses runs of whitespace (upstream has stray double spaces). */
function nfc(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code.localeCompare(b.code);
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  console.log(`wrote ${path}`);
}

function expectEqual(label: string, actual: number, expected: number): void {
  if (actual !== expected) fail(`${label}: expected ${expected}, found ${actual}`);
}

function sameSet(a: Iterable<string>, b: Iterable<string>): { onlyA: string[]; onlyB: string[] } {
  const setA = new Set(a);
  const setB = new Set(b);
  return { onlyA: [...setA].filter((x) => !setB.has(x)), onlyB: [...setB].filter((x) => !setA.has(x)) };
}

// ---------------------------------------------------------------------------
// Unit types and unit records
// ---------------------------------------------------------------------------

/** Full-name prefixes, longest first so "Thị trấn"/"Thị xã" are not confused. */
const TYPE_PREFIXES: ReadonlyArray<readonly [string, AdminUnitType | 'thanh_pho']> = [
  ['thành phố ', 'thanh_pho'],
  ['thị trấn ', 'thi_tran'],
  ['đặc khu ', 'dac_khu'],
  ['phường ', 'phuong'],
  ['huyện ', 'huyen'],
  ['thị xã ', 'thi_xa'],
  ['quận ', 'quan'],
  ['tỉnh ', 'tinh'],
  ['xã ', 'xa'],
];

/** Derives the unit type from the full-name prefix ("Thành phố" is 'thanh_pho_tw' at province level). */
function deriveType(fullName: string, level: AdminUnitLevel): AdminUnitType {
  const lower = fullName.toLocaleLowerCase('vi');
  const match = TYPE_PREFIXES.find(([prefix]) => lower.startsWith(prefix));
  if (!match) return fail(`cannot derive unit type from full name "${fullName}"`);
  const type = match[1];
  return type === 'thanh_pho' && level === 'province' ? 'thanh_pho_tw' : type;
}

interface Validity {
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** Builds one normalised unit record from an upstream record. */
function toUnit(raw: RawUnit, level: AdminUnitLevel, validity: Validity): AdminUnit {
  const fullName = nfc(raw.FullName);
  return {
    code: raw.Code,
    name: nfc(raw.Name),
    fullName,
    nameEn: nfc(raw.NameEn),
    level,
    type: deriveType(fullName, level),
    ...validity,
  };
}

const OLD_PERIOD = { validFrom: null, validTo: OLD_STRUCTURE_TO } as const;
const NEW_PERIOD = { validFrom: NEW_STRUCTURE_FROM, validTo: null } as const;

// ---------------------------------------------------------------------------
// Locating the province in each source
// ---------------------------------------------------------------------------

interface ProvinceSources {
  current: RawNewProvince;
  old: RawOldProvince[];
  oldProvinceMerges: RawMergeEntry[];
  communeMerges: RawMergesFile['data'][number]['level2s'];
}

/** Finds the current province and the old province(s) it was formed from. */
function locateProvince(sources: Sources, code: string): ProvinceSources {
  const current = sources.current.find((p) => p.Code === code);
  if (!current) return fail(`province ${code} does not exist in the current structure${successorHint(sources, code)}`);
  const mergeEntry = sources.merges.data.find((p) => p.level1_id === code);
  if (!mergeEntry) return fail(`province ${code} missing from ${SOURCE_FILES.merges}`);
  const old = mergeEntry.merges.map(
    (m) =>
      sources.pre2025.find((p) => p.Code === m.old_id) ??
      fail(`old province ${m.old_id} not in ${SOURCE_FILES.pre2025}`),
  );
  return { current, old, oldProvinceMerges: mergeEntry.merges, communeMerges: mergeEntry.level2s };
}

/** Explains where a pre-2025 province code went, for the error message. */
function successorHint(sources: Sources, code: string): string {
  const successor = sources.merges.data.find((p) => p.merges.some((m) => m.old_id === code));
  return successor ? ` (it was merged into ${successor.level1_id} ${successor.name}; derive that code)` : '';
}

// ---------------------------------------------------------------------------
// Building the unit list
// ---------------------------------------------------------------------------

/** A province not merged with another and not renamed is one unit valid across both periods. */
function isUnchangedProvince(province: ProvinceSources): boolean {
  const [only] = province.old;
  return (
    province.old.length === 1 &&
    only?.Code === province.current.Code &&
    nfc(only.FullName) === nfc(province.current.FullName)
  );
}

function buildProvinceUnits(province: ProvinceSources): AdminUnit[] {
  if (isUnchangedProvince(province)) {
    return [toUnit(province.current, 'province', { parentCode: null, validFrom: null, validTo: null })];
  }
  const olds = province.old.map((p) => toUnit(p, 'province', { parentCode: null, ...OLD_PERIOD }));
  return [...olds, toUnit(province.current, 'province', { parentCode: null, ...NEW_PERIOD })];
}

function buildDistrictUnits(oldProvince: RawOldProvince): AdminUnit[] {
  return (oldProvince.District ?? []).map((d) => {
    if (d.ProvinceCode !== oldProvince.Code)
      fail(`district ${d.Code} lists province ${d.ProvinceCode}, expected ${oldProvince.Code}`);
    return toUnit(d, 'district', { parentCode: oldProvince.Code, ...OLD_PERIOD });
  });
}

function buildOldCommuneUnits(oldProvince: RawOldProvince): AdminUnit[] {
  return (oldProvince.District ?? []).flatMap((d) =>
    (d.Ward ?? []).map((w) => {
      if (w.DistrictCode !== d.Code) fail(`commune ${w.Code} lists district ${w.DistrictCode}, expected ${d.Code}`);
      return toUnit(w, 'commune', { parentCode: d.Code, ...OLD_PERIOD });
    }),
  );
}

function buildNewCommuneUnits(current: RawNewProvince): AdminUnit[] {
  return current.Wards.map((w) => {
    if (w.ProvinceCode !== current.Code)
      fail(`commune ${w.Code} lists province ${w.ProvinceCode}, expected ${current.Code}`);
    return toUnit(w, 'commune', { parentCode: current.Code, ...NEW_PERIOD });
  });
}

interface UnitGroups {
  provinces: AdminUnit[];
  districts: AdminUnit[];
  oldCommunes: AdminUnit[];
  newCommunes: AdminUnit[];
}

function buildUnitGroups(province: ProvinceSources): UnitGroups {
  return {
    provinces: buildProvinceUnits(province),
    districts: province.old.flatMap(buildDistrictUnits).sort(byCode),
    oldCommunes: province.old.flatMap(buildOldCommuneUnits).sort(byCode),
    newCommunes: buildNewCommuneUnits(province.current).sort(byCode),
  };
}

/** Aborts when the counts differ from the known ones for this province. */
function checkCounts(provinceCode: string, groups: UnitGroups): void {
  const expected = EXPECTED_COUNTS[provinceCode];
  if (!expected) {
    console.warn(`warning: no expected counts recorded for province ${provinceCode}; add them to EXPECTED_COUNTS`);
    return;
  }
  expectEqual('district-level units before 2025-07-01', groups.districts.length, expected.districts);
  expectEqual('communes before 2025-07-01', groups.oldCommunes.length, expected.oldCommunes);
  expectEqual('communes from 2025-07-01', groups.newCommunes.length, expected.newCommunes);
  for (const [type, count] of Object.entries(expected.newCommunesByType)) {
    expectEqual(
      `communes of type ${type} from 2025-07-01`,
      groups.newCommunes.filter((u) => u.type === type).length,
      count,
    );
  }
}

// ---------------------------------------------------------------------------
// Old → new mapping
// ---------------------------------------------------------------------------

const pairKey = (newCode: string, oldCode: string): string => `${newCode}<-${oldCode}`;

/** Reads merges.json for the new communes of the province. */
function buildMergers(province: ProvinceSources, groups: UnitGroups): AdminUnitMerger[] {
  const newCodes = new Set(groups.newCommunes.map((u) => u.code));
  const mergeCodes = province.communeMerges.map((n) => n.level2_id);
  const diff = sameSet(newCodes, mergeCodes);
  if (diff.onlyA.length || diff.onlyB.length) {
    fail(
      `merges.json and the unit list disagree on new communes: units only ${diff.onlyA.join(', ')}, merges only ${diff.onlyB.join(', ')}`,
    );
  }
  return province.communeMerges
    .flatMap((n) => n.merges.map((m): AdminUnitMerger => ({ newCode: n.level2_id, oldCode: m.old_id, type: m.type })))
    .sort((a, b) => a.newCode.localeCompare(b.newCode) || a.oldCode.localeCompare(b.oldCode));
}

/** Successors of every old commune/district of the province, from splits.json. */
function splitsFor(sources: Sources, oldCodes: Set<string>): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  for (const province of sources.splits.data) {
    const nodes = [
      ...province.level3s.map((n) => [n.level3_id, n] as const),
      ...(province.level2s ?? []).map((n) => [n.level2_id, n] as const),
    ];
    for (const [code, node] of nodes) {
      if (oldCodes.has(code))
        successors.set(
          code,
          node.splits.map((s) => s.new_id),
        );
    }
  }
  return successors;
}

/**
 * Cross-checks merges.json against splits.json: the same old→new edges, every old
 * commune reaches a new unit, 'full' ⇔ exactly one successor. Returns old communes
 * split across several new units (for the report).
 */
function crossCheckSplits(sources: Sources, groups: UnitGroups, mergers: AdminUnitMerger[]): string[] {
  const oldUnitCodes = new Set([...groups.districts, ...groups.oldCommunes].map((u) => u.code));
  const successors = splitsFor(sources, oldUnitCodes);
  const splitPairs = [...successors].flatMap(([oldCode, news]) => news.map((n) => pairKey(n, oldCode)));
  const diff = sameSet(
    mergers.map((m) => pairKey(m.newCode, m.oldCode)),
    splitPairs,
  );
  if (diff.onlyA.length || diff.onlyB.length) {
    fail(
      `merges.json and splits.json disagree: merges only ${diff.onlyA.join(', ')}, splits only ${diff.onlyB.join(', ')}`,
    );
  }
  const orphans = groups.oldCommunes.filter((u) => !successors.has(u.code)).map((u) => u.code);
  if (orphans.length) fail(`old communes without a successor in splits.json: ${orphans.join(', ')}`);
  for (const m of mergers) {
    const count = successors.get(m.oldCode)?.length ?? 0;
    if ((m.type === 'full') !== (count === 1))
      fail(`${m.oldCode} → ${m.newCode} is '${m.type}' but has ${count} successor(s)`);
  }
  return [...successors]
    .filter(([, news]) => news.length > 1)
    .map(([oldCode, news]) => `${oldCode} → ${news.join(', ')}`);
}

/** Old units whose name in merges.json differs from the unit list (for the report). */
function mergeNameMismatches(province: ProvinceSources, groups: UnitGroups): string[] {
  const oldNames = new Map([...groups.districts, ...groups.oldCommunes].map((u) => [u.code, u.fullName]));
  return province.communeMerges.flatMap((n) =>
    n.merges
      .filter((m) => oldNames.get(m.old_id) !== nfc(m.name))
      .map((m) => `${m.old_id}: units "${oldNames.get(m.old_id)}" vs merges "${nfc(m.name)}"`),
  );
}

/** Codes reused by a different unit after 2025-07-01 (for the report). */
function reusedCodes(groups: UnitGroups): string[] {
  const oldByCode = new Map(groups.oldCommunes.map((u) => [u.code, u]));
  return groups.newCommunes.flatMap((u) => {
    const old = oldByCode.get(u.code);
    if (!old || old.fullName === u.fullName) return [];
    const caseOnly = old.fullName.toLocaleLowerCase('vi') === u.fullName.toLocaleLowerCase('vi');
    return [`${u.code}: ${old.fullName} → ${u.fullName}${caseOnly ? ' (letter case only)' : ''}`];
  });
}

// ---------------------------------------------------------------------------
// Units file
// ---------------------------------------------------------------------------

/** Builds, checks and validates the units file of one province. */
function deriveUnitsFile(
  sources: Sources,
  provinceCode: string,
): { file: AdminUnitsFile; groups: UnitGroups; codeName: string } {
  const province = locateProvince(sources, provinceCode);
  const groups = buildUnitGroups(province);
  checkCounts(provinceCode, groups);
  const mergers = buildMergers(province, groups);
  const multiSplits = crossCheckSplits(sources, groups, mergers);
  const units = [...groups.provinces, ...groups.districts, ...groups.oldCommunes, ...groups.newCommunes];
  const file = AdminUnitsFile.parse({ source: UNITS_SOURCE_TEXT, provinceCode, units, mergers });
  reportUnits(groups, mergers, multiSplits, mergeNameMismatches(province, groups));
  return { file, groups, codeName: province.current.CodeName };
}

function reportUnits(
  groups: UnitGroups,
  mergers: AdminUnitMerger[],
  multiSplits: string[],
  nameMismatches: string[],
): void {
  const partial = mergers.filter((m) => m.type === 'partial').length;
  console.log(
    `provinces ${groups.provinces.length}, districts ${groups.districts.length}, ` +
      `communes before ${groups.oldCommunes.length}, communes after ${groups.newCommunes.length}`,
  );
  console.log(`mergers ${mergers.length} (${mergers.length - partial} full, ${partial} partial)`);
  console.log(`old communes split across several new units: ${multiSplits.length ? multiSplits.join('; ') : 'none'}`);
  const unchanged = groups.newCommunes.filter((u) => mergers.filter((m) => m.newCode === u.code).length === 1);
  console.log(
    `new communes with a single predecessor: ${unchanged.map((u) => `${u.code} ${u.fullName}`).join(', ') || 'none'}`,
  );
  console.log(`codes reused under another name: ${reusedCodes(groups).join('; ') || 'none'}`);
  if (nameMismatches.length) console.log(`name differences merges.json vs units: ${nameMismatches.join('; ')}`);
}

// ---------------------------------------------------------------------------
// GeoJSON
// ---------------------------------------------------------------------------

/** "lai_chau" → "<source>/lai-chau-geojson/wards". */
function wardsDirFor(sourceDir: string, provinceCodeName: string): string {
  return join(sourceDir, `${provinceCodeName.replaceAll('_', '-')}-geojson`, 'wards');
}

/** Loads one boundary feature per current commune, keyed by 5-digit code. */
function loadWardFeatures(wardsDir: string): Map<string, BoundaryFeature> {
  const features = new Map<string, BoundaryFeature>();
  for (const fileName of readdirSync(wardsDir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()) {
    const collection = readJson<FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>>(
      join(wardsDir, fileName),
    );
    if (collection.features.length !== 1) fail(`${fileName}: expected 1 feature, found ${collection.features.length}`);
    const feature = collection.features[0]!;
    const raw: unknown = feature.properties.code;
    const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : fileName.slice(0, 5);
    if (features.has(code)) fail(`duplicate boundary for commune ${code}`);
    features.set(code, feature);
  }
  return features;
}

/** Polygon rings of any (Multi)Polygon geometry. */
function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function countPositions(geometry: Polygon | MultiPolygon): number {
  return polygonsOf(geometry).reduce((sum, rings) => sum + rings.reduce((s, ring) => s + ring.length, 0), 0);
}

/** Twice the signed area of a ring (shoelace); 0 for a degenerate ring. */
function ringArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

/** Drops consecutive duplicate positions (truncation creates them); keeps the ring closed. */
function dedupeRing(ring: Position[]): Position[] {
  const out = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
  const [first, last] = [out[0], out[out.length - 1]];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push(first);
  return out;
}

const isValidRing = (ring: Position[]): boolean => ring.length >= 4 && ringArea2(ring) !== 0;

/** Removes rings and polygons collapsed by simplification/truncation. */
function cleanPolygons(polygons: Position[][][]): Position[][][] {
  return polygons
    .map((rings) => rings.map(dedupeRing))
    .filter((rings) => rings[0] !== undefined && isValidRing(rings[0]))
    .map((rings) => [rings[0]!, ...rings.slice(1).filter(isValidRing)]);
}

/** Simplifies, truncates and cleans every commune boundary with one tolerance. */
function simplifyFeatures(
  communes: AdminUnit[],
  boundaries: Map<string, BoundaryFeature>,
  tolerance: number,
): CommuneFeature[] {
  return communes.map((unit) => {
    const source = boundaries.get(unit.code) ?? fail(`no boundary for commune ${unit.code}`);
    const simplified = simplify(source, { tolerance, highQuality: true });
    const truncated = truncate(simplified, { precision: GEOJSON_PRECISION, coordinates: 2 });
    const polygons = cleanPolygons(polygonsOf(truncated.geometry));
    if (!polygons.length) fail(`commune ${unit.code} lost all its polygons at tolerance ${tolerance}`);
    return {
      type: 'Feature',
      properties: { code: unit.code, name: unit.name, fullName: unit.fullName },
      geometry: { type: 'MultiPolygon', coordinates: polygons },
    };
  });
}

/** Compact JSON with one feature per line, so diffs stay readable. */
function serializeCollection(features: CommuneFeature[]): string {
  const lines = features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/** Binary-searches (in log space) the smallest tolerance whose output fits the byte budget. */
function findTolerance(communes: AdminUnit[], boundaries: Map<string, BoundaryFeature>): number {
  const sizeAt = (tolerance: number): number =>
    Buffer.byteLength(serializeCollection(simplifyFeatures(communes, boundaries, tolerance)), 'utf8');
  let [low, high] = TOLERANCE_RANGE.map(Math.log) as [number, number];
  if (sizeAt(Math.exp(high)) > GEOJSON_TARGET_BYTES)
    fail('boundaries do not fit the size budget even at the largest tolerance');
  for (let step = 0; step < TOLERANCE_SEARCH_STEPS; step++) {
    const mid = (low + high) / 2;
    if (sizeAt(Math.exp(mid)) <= GEOJSON_TARGET_BYTES) high = mid;
    else low = mid;
  }
  return Math.exp(high);
}

/** Writes the simplified commune boundaries of the current structure. */
function deriveCommuneGeojson(
  sourceDir: string,
  unitsDir: string,
  provinceCode: string,
  codeName: string,
  communes: AdminUnit[],
): void {
  const wardsDir = wardsDirFor(sourceDir, codeName);
  if (!existsSync(wardsDir)) {
    console.warn(`warning: no boundaries at ${wardsDir}; skipping ${provinceCode}-communes.geojson`);
    return;
  }
  const boundaries = loadWardFeatures(wardsDir);
  const diff = sameSet(
    communes.map((u) => u.code),
    boundaries.keys(),
  );
  if (diff.onlyA.length || diff.onlyB.length)
    fail(`boundaries vs communes: missing ${diff.onlyA.join(', ')}, extra ${diff.onlyB.join(', ')}`);
  const tolerance = findTolerance(communes, boundaries);
  const features = simplifyFeatures(communes, boundaries, tolerance);
  const text = serializeCollection(features);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > GEOJSON_MAX_BYTES) fail(`geojson is ${bytes} bytes, above ${GEOJSON_MAX_BYTES}`);
  const path = join(unitsDir, `${provinceCode}-communes.geojson`);
  writeFileSync(path, text, 'utf8');
  reportGeojson(path, bytes, tolerance, features, boundaries);
}

function reportGeojson(
  path: string,
  bytes: number,
  tolerance: number,
  features: CommuneFeature[],
  boundaries: Map<string, BoundaryFeature>,
): void {
  console.log(
    `wrote ${path}: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB), tolerance ${tolerance.toExponential(3)}°, precision ${GEOJSON_PRECISION}`,
  );
  let before = 0;
  let after = 0;
  for (const feature of features) {
    const original = countPositions(boundaries.get(feature.properties.code)!.geometry);
    const kept = countPositions(feature.geometry);
    const polygons = feature.geometry.coordinates.length;
    before += original;
    after += kept;
    console.log(
      `  ${feature.properties.code} ${feature.properties.fullName.padEnd(20)} ${String(kept).padStart(5)} vertices (from ${original}), ${polygons} polygon(s)`,
    );
  }
  console.log(`  total ${after} vertices (from ${before})`);
}

// ---------------------------------------------------------------------------
// National files
// ---------------------------------------------------------------------------

/** Writes reference/id-province-codes.json from the 63 pre-2025 provinces. */
function deriveIdProvinceCodes(sources: Sources, idCodesFile: string): void {
  expectEqual('provinces before 2025-07-01', sources.pre2025.length, 63);
  const codes = sources.pre2025.map((p) => ({ code: `0${p.Code}`, name: nfc(p.Name) })).sort(byCode);
  if (codes.some((c) => !/^\d{3}$/.test(c.code))) fail('unexpected province code format in units-pre-2025.json');
  writeJson(idCodesFile, { source: ID_CODES_SOURCE_TEXT, codes });
}

/** Copies the upstream licences (content only, so read-only sources stay rewritable). */
function copyLicenses(sourceDir: string, unitsDir: string): void {
  for (const name of LICENSE_FILES) writeFileSync(join(unitsDir, name), readFileSync(join(sourceDir, name)));
  console.log(`copied ${LICENSE_FILES.join(', ')}`);
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

function parseCli(): { provinceCode: string; sourceDir: string; outRoot: string } {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: 'string', default: DEFAULT_SOURCE_DIR },
      out: { type: 'string', default: REPO_ROOT },
    },
  });
  const provinceCode =
    positionals[0] ?? fail('usage: derive-admin-units.ts <provinceCode> [--source <dir>] [--out <dir>]');
  if (!/^\d{2}$/.test(provinceCode)) fail(`province code must be 2 digits, got "${provinceCode}"`);
  return { provinceCode, sourceDir: values.source, outRoot: values.out };
}

function loadSources(sourceDir: string): Sources {
  return {
    pre2025: readJson(join(sourceDir, SOURCE_FILES.pre2025)),
    current: readJson(join(sourceDir, SOURCE_FILES.current)),
    merges: readJson(join(sourceDir, SOURCE_FILES.merges)),
    splits: readJson(join(sourceDir, SOURCE_FILES.splits)),
  };
}

/**
 * The units with the spellings of the legal text where `<code>-name-corrections.json` (kept by hand
 * beside the output, with its source) says the upstream list differs.
 */
function withLegalSpellings<T extends { units: AdminUnit[] }>(file: T, unitsDir: string, provinceCode: string): T {
  const path = join(unitsDir, `${provinceCode}-name-corrections.json`);
  if (!existsSync(path)) return file;
  const { corrections } = UnitNameCorrectionsFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  const units = file.units.map((unit) => correctUnitName(unit, corrections));
  const changed = units.filter((unit, i) => unit !== file.units[i]).length;
  console.log(`spellings corrected from ${path}: ${changed} of ${corrections.length}`);
  return { ...file, units };
}

function main(): void {
  const { provinceCode, sourceDir, outRoot } = parseCli();
  const { unitsDir, idCodesFile } = outputPaths(outRoot);
  const sources = loadSources(sourceDir);
  mkdirSync(unitsDir, { recursive: true });
  const { file, groups, codeName } = deriveUnitsFile(sources, provinceCode);
  writeJson(join(unitsDir, `${provinceCode}.json`), withLegalSpellings(file, unitsDir, provinceCode));
  deriveCommuneGeojson(sourceDir, unitsDir, provinceCode, codeName, groups.newCommunes);
  deriveIdProvinceCodes(sources, idCodesFile);
  copyLicenses(sourceDir, unitsDir);
}

try {
  main();
} catch (error) {
  console.error(`derive-admin-units: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
