import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface IdProvinceCodesFile {
  source: string;
  codes: Array<{ code: string; name: string }>;
}

const path = fileURLToPath(new URL('../../../../reference/id-province-codes.json', import.meta.url));
const file = JSON.parse(readFileSync(path, 'utf8')) as IdProvinceCodesFile;

/** 3-digit birth-registration province codes that may start a personal ID number (reference/id-province-codes.json). */
export const ID_PROVINCE_CODES: ReadonlySet<string> = new Set(file.codes.map((c) => c.code));

/** Province name for a 3-digit ID prefix, e.g. '012' → 'Lai Châu'. */
export function idProvinceName(code: string): string | null {
  return file.codes.find((c) => c.code === code)?.name ?? null;
}
