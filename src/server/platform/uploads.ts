import type { FastifyRequest } from 'fastify';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import { invalidField } from './errors';

const MALFORMED_VI =
  'Dữ liệu multipart/form-data không đọc được (thiếu hoặc sai ranh giới "boundary", hoặc bị cắt giữa chừng). Hãy gửi lại tệp.';
const MALFORMED_EN =
  'The multipart/form-data body cannot be read (missing or wrong boundary, or cut short). Send the file again.';

/**
 * An error of the multipart parser as the client's fault: busboy throws plain errors (no status)
 * for a body it cannot read — no boundary, garbage, a body cut short, a boundary longer than it
 * can search for — which would otherwise be a 500. The plugin's own coded errors (limits, 4xx)
 * and ours pass through.
 */
function asClientError(error: unknown): unknown {
  const status = (error as { statusCode?: number }).statusCode;
  if (!(error instanceof Error) || error.name === 'AppError' || status !== undefined) return error;
  return invalidField('REQUEST.MULTIPART_INVALID', '(body)', MALFORMED_VI, MALFORMED_EN);
}

/** The parts of a multipart request, with the parser's errors turned into a bilingual 400. */
export async function* multipartParts(request: FastifyRequest): AsyncGenerator<Multipart> {
  const iterator = request.parts();
  for (;;) {
    let next: IteratorResult<Multipart>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw asClientError(error);
    }
    if (next.done) return;
    yield next.value;
  }
}

/** The bytes of a file part; null when it is over the route's `fileSize` limit. Parser errors are a 400. */
export async function partBytes(part: MultipartFile): Promise<Buffer | null> {
  try {
    const bytes = await part.toBuffer();
    return part.file.truncated ? null : bytes;
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return null;
    throw asClientError(error);
  }
}

/** How a route words the refusals of an upload (each module has its own error codes). */
export interface UploadErrors {
  /** Not multipart, another field, a second file, or no file; `field` names the offending part. */
  invalid(messageVi: string, messageEn: string, field: string): Error;
  /** Larger than the route's multipart `fileSize` limit. */
  tooLarge(): Error;
}

/**
 * The one file of a multipart upload, in the part `file` (imports of CSV/XLSX files): any other
 * part or a second file is refused, and a file over the route's size limit is refused whole rather
 * than read truncated.
 */
export async function readSingleUpload(
  request: FastifyRequest,
  errors: UploadErrors,
): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart())
    throw errors.invalid(
      'Gửi tệp dạng multipart/form-data, trường "file"',
      'Send the file as multipart/form-data in the field "file"',
      'file',
    );
  let upload: { bytes: Buffer; fileName: string } | undefined;
  for await (const part of multipartParts(request)) {
    if (part.type !== 'file' || part.fieldname !== 'file' || upload) {
      if (part.type === 'file') part.file.resume();
      throw errors.invalid(
        `Trường "${part.fieldname}" không được hỗ trợ; chỉ gửi một tệp ở trường "file"`,
        `Field "${part.fieldname}" is not supported; send one file in the field "file"`,
        part.fieldname,
      );
    }
    const bytes = await partBytes(part);
    if (bytes === null) throw errors.tooLarge();
    upload = { bytes, fileName: part.filename };
  }
  if (!upload) throw errors.invalid('Chưa chọn tệp', 'No file was sent', 'file');
  return upload;
}
