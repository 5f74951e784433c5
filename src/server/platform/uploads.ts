import type { FastifyRequest } from 'fastify';

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
export async function readSingleUpload(request: FastifyRequest, errors: UploadErrors): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw errors.invalid('Gửi tệp dạng multipart/form-data, trường "file"', 'Send the file as multipart/form-data in the field "file"', 'file');
  let upload: { bytes: Buffer; fileName: string } | undefined;
  for await (const part of request.parts()) {
    if (part.type !== 'file' || part.fieldname !== 'file' || upload) {
      if (part.type === 'file') part.file.resume();
      throw errors.invalid(`Trường "${part.fieldname}" không được hỗ trợ; chỉ gửi một tệp ở trường "file"`, `Field "${part.fieldname}" is not supported; send one file in the field "file"`, part.fieldname);
    }
    const bytes = await part.toBuffer().catch((e: unknown) => {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return null;
      throw e;
    });
    if (bytes === null || part.file.truncated) throw errors.tooLarge();
    upload = { bytes, fileName: part.filename };
  }
  if (!upload) throw errors.invalid('Chưa chọn tệp', 'No file was sent', 'file');
  return upload;
}
