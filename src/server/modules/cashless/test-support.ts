import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Session } from '../../../../test/app';
import type { Facility, ImportResult } from '../../../contracts/cashless';
import type { ApiErrorBody } from '../../../contracts/messages';

/** Communes of today's Lai Châu used by the tests: two wards and two communes. */
export const DOAN_KET = '03388'; // Phường Đoàn Kết
export const TAN_PHONG = '03408'; // Phường Tân Phong
export const BINH_LU = '03390'; // Xã Bình Lư
export const MUONG_TE = '03445'; // Xã Mường Tè

export const HEADER =
  'Mã cơ sở,Tên cơ sở,Tháng (YYYY-MM),Số giao dịch không dùng tiền mặt,Số giao dịch tiền mặt,Số tiền không dùng tiền mặt (đồng),Số tiền mặt (đồng)';

export type ErrorBody = ApiErrorBody;

/** A multipart body with one file part `file`. */
export function fileUpload(
  bytes: Uint8Array | string,
  fileName = 'so-lieu.csv',
  type = 'text/csv',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----dvc06${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** CSV text with the template header and the given lines. */
export function csv(...lines: string[]): string {
  return `${[HEADER, ...lines].join('\n')}\n`;
}

/** Uploads a file to POST /api/v1/cashless/imports. */
export async function upload(
  session: Session,
  bytes: Uint8Array | string,
  options: { dryRun?: boolean; fileName?: string; type?: string } = {},
) {
  const body = fileUpload(bytes, options.fileName, options.type);
  return session.inject({
    method: 'POST',
    url: `/api/v1/cashless/imports${options.dryRun ? '?dryRun=true' : ''}`,
    payload: body.payload,
    headers: body.headers,
  });
}

/** Uploads a file that must be accepted, and returns the result. */
export async function importOk(session: Session, text: string): Promise<ImportResult> {
  const res = await upload(session, text);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ImportResult>();
}

/** Creates a facility that must be accepted. */
export async function createFacility(
  session: Session,
  body: { code: string; typeCode: string; name: string; communeCode: string; active?: boolean },
): Promise<Facility> {
  const res = await session.inject({ method: 'POST', url: '/api/v1/cashless/facilities', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Facility>();
}

/** The register used by the import and statistics tests. */
export const FIXTURE_FACILITIES = [
  { code: 'TH-DK-1', typeCode: 'primary', name: 'Trường Tiểu học số 1 phường Đoàn Kết', communeCode: DOAN_KET },
  { code: 'MN-TP-1', typeCode: 'kindergarten', name: 'Trường Mầm non số 1 phường Tân Phong', communeCode: TAN_PHONG },
  { code: 'TH-BL-1', typeCode: 'primary', name: 'Trường Tiểu học số 1 xã Bình Lư', communeCode: BINH_LU },
  {
    code: 'TYT-DK-1',
    typeCode: 'commune_health_station',
    name: 'Trạm Y tế số 1 phường Đoàn Kết',
    communeCode: DOAN_KET,
  },
  { code: 'TYT-BL-1', typeCode: 'commune_health_station', name: 'Trạm Y tế số 1 xã Bình Lư', communeCode: BINH_LU },
  { code: 'TYT-MT-1', typeCode: 'commune_health_station', name: 'Trạm Y tế số 1 xã Mường Tè', communeCode: MUONG_TE },
] as const;

export async function createFixtureFacilities(admin: Session): Promise<Record<string, Facility>> {
  const out: Record<string, Facility> = {};
  for (const f of FIXTURE_FACILITIES) out[f.code] = await createFacility(admin, f);
  return out;
}
