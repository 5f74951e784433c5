import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import type { Session } from '../../../../test/app';
import type { PilotModel, PilotModelInput } from '../../../contracts/pilots';

/** A one-page PDF (the type is read from the bytes). */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A 1×1 PNG: a type plans do not accept. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A real XLSX workbook. */
export async function xlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Chỉ số').addRow(['Chỉ số', 'Giá trị']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface Part {
  field: string;
  /** A file part when set; a plain field otherwise. */
  fileName?: string;
  type?: string;
  data: Buffer | string;
}

/** A multipart/form-data request of any parts. */
export function multipartBody(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----pilots${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head = p.fileName
      ? `Content-Disposition: form-data; name="${p.field}"; filename="${p.fileName}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}`
      : `Content-Disposition: form-data; name="${p.field}"`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const planUpload = (id: string, data: Buffer = PDF, fileName = 'ke-hoach.pdf'): InjectOptions => ({
  method: 'POST',
  url: `/api/v1/pilots/models/${id}/plan`,
  ...multipartBody([{ field: 'file', fileName, type: 'application/pdf', data }]),
});

export const reportUpload = (id: string, report: unknown, files: Part[] = []): InjectOptions => ({
  method: 'POST',
  url: `/api/v1/pilots/models/${id}/reports`,
  ...multipartBody([{ field: 'report', data: JSON.stringify(report) }, ...files]),
});

let n = 0;
/** A valid registration of a model of `unitCode`. */
export function modelInput(unitCode: string, over: Partial<PilotModelInput> = {}): PilotModelInput {
  return {
    unitCode,
    agencyName: unitCode === '12' ? 'Sở Y tế (thử)' : `UBND đơn vị ${unitCode} (thử)`,
    sector: 'health',
    title: `Mô hình thử nghiệm số ${++n}`,
    description: 'Mô tả mô hình thử nghiệm đủ dài để hợp lệ.',
    targets: [8, 9],
    letterNumber: '1074/UBND-KSTT',
    letterDate: '2023-03-27',
    ...over,
  };
}

export async function register(session: Session, input: PilotModelInput): Promise<PilotModel> {
  const res = await session.inject({ method: 'POST', url: '/api/v1/pilots/models', payload: input });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json<PilotModel>();
}

/** The body of every API error answer. */
export type { ApiErrorBody as ErrorBody } from '../../../contracts/messages';
