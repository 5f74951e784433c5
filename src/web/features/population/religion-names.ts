/**
 * English names of the religion codes of Decision 1019/QĐ-TCTK (the server's code list,
 * population/codes.ts, holds the Vietnamese names). An English page shows these, so that a record
 * does not read "Religion: Không"; a Vietnamese page shows the registry's Vietnamese name.
 */
const RELIGION_EN: Readonly<Record<string, string>> = {
  '00': 'None',
  '01': 'Buddhism',
  '02': 'Catholicism',
  '03': 'Hoa Hao Buddhism',
  '04': 'Islam',
  '05': 'Cao Dai',
  '06': 'Minh Su Dao',
  '07': 'Minh Ly Dao',
  '08': 'Protestantism',
  '09': 'Pure Land Buddhist Home Practice',
  '10': 'Tu An Hieu Nghia',
  '11': 'Buu Son Ky Huong',
  '12': "Baha'i",
  '13': 'Brahmanism',
  '14': 'Mormonism',
};

/** The religion as the page's language names it; null when the record has none. */
export function religionName(
  lang: 'vi' | 'en',
  code: string | null | undefined,
  nameVi: string | null | undefined,
): string | null {
  if (lang === 'en' && code && RELIGION_EN[code]) return RELIGION_EN[code];
  return nameVi ?? code ?? null;
}
