/**
 * Code lists of the population registry: ethnic groups, religions and relation to the
 * household head (DOMAIN.md §8). Names are stored in the normalised form of
 * the text kernel, src/shared/text (tone on the second vowel of oa/oe/uy, e.g. "Phật giáo Hoà Hảo").
 * Ethnicity and religion are sensitive personal data (DOMAIN.md §10).
 */
import { foldForSearch as searchKey } from '../../../shared/text';

/** One entry of an official code list: code, official Vietnamese name, and known aliases for matching. */
export interface CodeEntry {
  readonly code: string;
  readonly name: string;
  /** Other names met in declarations and legacy data; used for matching only, never displayed as official. */
  readonly aliases?: readonly string[];
}

/**
 * The 54 ethnic groups of Vietnam, codes '01'..'54', official names as in Decision
 * 121-TCTK/PPCĐ (DOMAIN.md §8). Aliases are only well-known other names, spellings and
 * local-group names (some, like "Mèo" or "Mán", are old exonyms: accepted for matching
 * legacy data, never shown as the official name).
 */
export const ETHNICITIES: readonly CodeEntry[] = [
  { code: '01', name: 'Kinh', aliases: ['Việt'] },
  { code: '02', name: 'Tày' },
  { code: '03', name: 'Thái', aliases: ['Thái Đen', 'Thái Trắng'] },
  { code: '04', name: 'Hoa', aliases: ['Hán'] },
  { code: '05', name: 'Khơ-me', aliases: ['Khmer', 'Khơ Me'] },
  { code: '06', name: 'Mường' },
  { code: '07', name: 'Nùng' },
  { code: '08', name: 'HMông', aliases: ['Mông', 'Mèo', "H'Mông", 'Hmong'] },
  { code: '09', name: 'Dao', aliases: ['Mán'] },
  { code: '10', name: 'Gia-rai', aliases: ['Jrai', 'Jarai'] },
  { code: '11', name: 'Ngái' },
  { code: '12', name: 'Ê-đê', aliases: ['Rhađê', 'Rhade'] },
  { code: '13', name: 'Ba na', aliases: ['Bahnar'] },
  { code: '14', name: 'Xơ-Đăng', aliases: ['Sedang', 'Xê Đăng'] },
  { code: '15', name: 'Sán Chay', aliases: ['Cao Lan', 'Sán Chỉ'] },
  { code: '16', name: 'Cơ-ho', aliases: ["K'Ho", 'Koho'] },
  { code: '17', name: 'Chăm', aliases: ['Chàm', 'Cham'] },
  { code: '18', name: 'Sán Dìu' },
  { code: '19', name: 'Hrê', aliases: ["H're"] },
  { code: '20', name: 'Mnông' },
  { code: '21', name: 'Ra-glai' },
  { code: '22', name: 'Xtiêng', aliases: ['Stiêng', 'Stieng'] },
  { code: '23', name: 'Bru-Vân Kiều', aliases: ['Bru', 'Vân Kiều'] },
  { code: '24', name: 'Thổ' },
  { code: '25', name: 'Giáy', aliases: ['Nhắng'] },
  { code: '26', name: 'Cơ-tu', aliases: ['Katu'] },
  { code: '27', name: 'Gié Triêng', aliases: ['Giẻ Triêng'] },
  { code: '28', name: 'Mạ' },
  { code: '29', name: 'Khơ-mú', aliases: ['Khơ Mú', 'Khmu'] },
  { code: '30', name: 'Co', aliases: ['Cor'] },
  { code: '31', name: 'Tà-ôi' },
  { code: '32', name: 'Chơ-ro' },
  { code: '33', name: 'Kháng' },
  { code: '34', name: 'Xinh-mun' },
  { code: '35', name: 'Hà Nhì', aliases: ['U Ni'] },
  { code: '36', name: 'Chu ru' },
  { code: '37', name: 'Lào' },
  { code: '38', name: 'La Chí' },
  { code: '39', name: 'La Ha' },
  { code: '40', name: 'Phù Lá' },
  { code: '41', name: 'La Hủ' },
  { code: '42', name: 'Lự', aliases: ['Lữ'] },
  { code: '43', name: 'Lô Lô' },
  { code: '44', name: 'Chứt' },
  { code: '45', name: 'Mảng', aliases: ['Mảng Ư'] },
  { code: '46', name: 'Pà Thẻn', aliases: ['Pà Hưng'] },
  { code: '47', name: 'Co Lao' },
  { code: '48', name: 'Cống' },
  { code: '49', name: 'Bố Y' },
  { code: '50', name: 'Si La', aliases: ['Cù Dề Xừ'] },
  { code: '51', name: 'Pu Péo' },
  { code: '52', name: 'Brâu' },
  { code: '53', name: 'Ơ Đu', aliases: ['Tày Hạt'] },
  { code: '54', name: 'Rơ măm' },
];

/** Code of "no religion" (Không), the most common value (DOMAIN.md §8). */
export const NO_RELIGION_CODE = '00';

/**
 * Religions, Decision 1019/QĐ-TCTK (DOMAIN.md §8): '00' = Không (none), '01'..'14'.
 * Aliases are common ways people name the same religion.
 */
export const RELIGIONS: readonly CodeEntry[] = [
  { code: '00', name: 'Không', aliases: ['Không có', 'Không tôn giáo'] },
  { code: '01', name: 'Phật giáo', aliases: ['Đạo Phật'] },
  { code: '02', name: 'Công giáo', aliases: ['Thiên Chúa giáo', 'Đạo Thiên Chúa'] },
  { code: '03', name: 'Phật giáo Hoà Hảo', aliases: ['Hoà Hảo'] },
  { code: '04', name: 'Hồi giáo', aliases: ['Đạo Hồi', 'Islam'] },
  { code: '05', name: 'Cao Đài', aliases: ['Đạo Cao Đài'] },
  { code: '06', name: 'Minh sư đạo' },
  { code: '07', name: 'Minh Lý đạo' },
  { code: '08', name: 'Tin Lành', aliases: ['Đạo Tin Lành'] },
  { code: '09', name: 'Tịnh độ cư sĩ Phật hội' },
  { code: '10', name: 'Tứ ấn hiếu nghĩa' },
  { code: '11', name: 'Bửu sơn Kỳ hương' },
  { code: '12', name: "Baha'i" },
  { code: '13', name: 'Bà La Môn' },
  { code: '14', name: 'Mặc Môn' },
];

const ETHNICITY_CODES: ReadonlySet<string> = new Set(ETHNICITIES.map((e) => e.code));
const RELIGION_CODES: ReadonlySet<string> = new Set(RELIGIONS.map((r) => r.code));

/** True when `code` is one of the 54 ethnicity codes '01'..'54' (DOMAIN.md §8, Decision 121-TCTK/PPCĐ). */
export function isEthnicityCode(code: string): boolean {
  return ETHNICITY_CODES.has(code);
}

/** True when `code` is '00' (none) or a religion code '01'..'14' (DOMAIN.md §8, Decision 1019/QĐ-TCTK). */
export function isReligionCode(code: string): boolean {
  return RELIGION_CODES.has(code);
}

/** Matching key for code-list names: searchKey with spaces removed ("Khơ-mú" ≡ "Khơ Mú" ≡ "khomu"). */
function compactKey(s: string): string {
  return searchKey(s).replace(/ /g, '');
}

function buildIndex(entries: readonly CodeEntry[]): ReadonlyMap<string, CodeEntry> {
  const index = new Map<string, CodeEntry>();
  for (const entry of entries) {
    for (const name of [entry.name, ...(entry.aliases ?? [])]) index.set(compactKey(name), entry);
  }
  return index;
}

const ETHNICITY_INDEX = buildIndex(ETHNICITIES);
const RELIGION_INDEX = buildIndex(RELIGIONS);

/**
 * Finds an ethnic group by its official name or a known alias, ignoring case, diacritics,
 * hyphens, apostrophes and spaces (DOMAIN.md §8 "aliases matter for matching"; keys from
 * `searchKey`, DOMAIN.md §9): "Mông", "H'Mông", "mèo" → 08 HMông; "U Ni" → 35 Hà Nhì.
 * Returns undefined when nothing matches. Every key maps to one group only (tested).
 */
export function findEthnicityByName(name: string): CodeEntry | undefined {
  const key = compactKey(name);
  return key === '' ? undefined : ETHNICITY_INDEX.get(key);
}

/** Same as {@link findEthnicityByName} for religions ("Thiên Chúa giáo" → 02 Công giáo; "không" → 00). */
export function findReligionByName(name: string): CodeEntry | undefined {
  const key = compactKey(name);
  return key === '' ? undefined : RELIGION_INDEX.get(key);
}

/** Relation of a household member to the household head (quan hệ với chủ hộ). */
export type HouseholdRelationCode =
  'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'sibling' | 'parent_in_law' | 'child_in_law' | 'other';

/** A relation code with its Vietnamese (official wording) and English labels. */
export interface HouseholdRelation {
  readonly code: HouseholdRelationCode;
  readonly labelVi: string;
  readonly labelEn: string;
}

/**
 * Relations to the household head ("relation to head" on form CT01 and in its member table,
 * DOMAIN.md §3; Residence Law 68/2020: a household has one head, chủ hộ). 'other' covers any relation
 * not listed (nephew, grandparent, unrelated co-resident…).
 */
export const HOUSEHOLD_RELATIONS: readonly HouseholdRelation[] = [
  { code: 'head', labelVi: 'Chủ hộ', labelEn: 'Household head' },
  { code: 'spouse', labelVi: 'Vợ/Chồng', labelEn: 'Spouse' },
  { code: 'child', labelVi: 'Con', labelEn: 'Child' },
  { code: 'parent', labelVi: 'Bố/Mẹ', labelEn: 'Parent' },
  { code: 'grandchild', labelVi: 'Cháu', labelEn: 'Grandchild' },
  { code: 'sibling', labelVi: 'Anh/Chị/Em', labelEn: 'Sibling' },
  { code: 'parent_in_law', labelVi: 'Bố/Mẹ vợ/chồng', labelEn: 'Parent-in-law' },
  { code: 'child_in_law', labelVi: 'Con dâu/rể', labelEn: 'Child-in-law' },
  { code: 'other', labelVi: 'Khác', labelEn: 'Other' },
];

const RELATION_CODES: ReadonlySet<string> = new Set(HOUSEHOLD_RELATIONS.map((r) => r.code));

/** True when `code` is one of {@link HOUSEHOLD_RELATIONS} (type guard). */
export function isHouseholdRelationCode(code: string): code is HouseholdRelationCode {
  return RELATION_CODES.has(code);
}
