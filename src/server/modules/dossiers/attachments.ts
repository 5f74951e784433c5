import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MEDIA_TYPES, ATTACHMENTS_MAX_COUNT } from '../../../contracts/dossiers';
import type { FileStore } from '../../platform/files';
import type { Db } from '../../platform/db';
import { attachmentInvalid, attachmentTooLarge } from './dossiers.errors';
import * as repo from './dossiers.repository';

/** A file part of a request, already read (the multipart parser enforces the byte limit first). */
export interface IncomingFile {
  /** Form field name: `file:<documentKey>`. */
  field: string;
  fileName: string;
  data: Buffer;
  /** Set by the parser when the part was cut at the size limit. */
  truncated?: boolean;
}

/** The largest image accepted, read from its header: 50 megapixels (a 40-megapixel phone photo fits), at most 20,000 pixels a side. */
export const MAX_IMAGE_PIXELS = 50_000_000;
export const MAX_IMAGE_SIDE = 20_000;

/**
 * Refuses an image whose header declares more pixels than the limits (a decompression bomb: a
 * small file that decodes to gigabytes in an officer's browser), or whose header cannot be read.
 */
function checkImageSize(f: IncomingFile): void {
  let size: { width?: number; height?: number };
  try {
    // A copy with a buffer of its own: image-size reads through the underlying ArrayBuffer, past
    // the end of a Buffer that is a slice of a larger one (a cut header would read other bytes).
    size = imageSize(new Uint8Array(f.data));
  } catch {
    size = {};
  }
  const { width = 0, height = 0 } = size;
  if (!width || !height)
    throw attachmentInvalid(
      f.field,
      `Không đọc được kích thước ảnh "${f.fileName}"`,
      `Cannot read the size of the image "${f.fileName}"`,
    );
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw attachmentInvalid(
      f.field,
      `Ảnh "${f.fileName}" quá lớn (${width}×${height} điểm ảnh); tối đa ${MAX_IMAGE_PIXELS / 1_000_000} triệu điểm ảnh, mỗi cạnh ${MAX_IMAGE_SIDE.toLocaleString('vi-VN')}`,
      `Image "${f.fileName}" is too large (${width}×${height} pixels); at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels, ${MAX_IMAGE_SIDE.toLocaleString('en-US')} a side`,
    );
  }
}

export interface CheckedFile {
  documentKey: string;
  fileName: string;
  mediaType: (typeof ATTACHMENT_MEDIA_TYPES)[number];
  data: Buffer;
}

/**
 * Checks files against the procedure's documents and the limits: the field names a document of
 * the version, the size is within ATTACHMENT_MAX_BYTES, the type — read from the bytes, not
 * from the name or the browser's claim — is PDF, JPEG or PNG, and an image's header declares at
 * most MAX_IMAGE_PIXELS (MAX_IMAGE_SIDE a side).
 */
export async function checkFiles(files: IncomingFile[], documentKeys: readonly string[]): Promise<CheckedFile[]> {
  if (files.length > ATTACHMENTS_MAX_COUNT) {
    throw attachmentInvalid(
      'files',
      `Tối đa ${ATTACHMENTS_MAX_COUNT} tệp đính kèm mỗi lần nộp`,
      `At most ${ATTACHMENTS_MAX_COUNT} attachments per submission`,
    );
  }
  const checked: CheckedFile[] = [];
  for (const f of files) {
    const documentKey = f.field.startsWith('file:') ? f.field.slice(5) : '';
    if (!documentKeys.includes(documentKey)) {
      throw attachmentInvalid(
        f.field,
        `Tệp "${f.fileName}" không ứng với giấy tờ nào của thủ tục`,
        `File "${f.fileName}" does not match any document of the procedure`,
      );
    }
    if (f.truncated || f.data.length > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge(f.field, ATTACHMENT_MAX_BYTES);
    if (f.data.length === 0)
      throw attachmentInvalid(f.field, `Tệp "${f.fileName}" rỗng`, `File "${f.fileName}" is empty`);
    const type = await fileTypeFromBuffer(f.data);
    const mediaType = ATTACHMENT_MEDIA_TYPES.find((t) => t === type?.mime);
    if (!mediaType) {
      throw attachmentInvalid(
        f.field,
        `Tệp "${f.fileName}" phải là PDF, JPG hoặc PNG`,
        `File "${f.fileName}" must be a PDF, JPEG or PNG`,
      );
    }
    if (mediaType !== 'application/pdf') checkImageSize(f);
    checked.push({ documentKey, fileName: f.fileName.slice(0, 200) || 'tep-dinh-kem', mediaType, data: f.data });
  }
  return checked;
}

/**
 * Files put in the store for one request, so they can be taken back if its transaction fails.
 *
 * Two requests may carry the same bytes: A stores them (created), B finds them there. If A's
 * write then fails while B's has not committed yet, A's undo sees no row and removes the file B is
 * about to refer to. Both sides close that gap without a lock, each holding the bytes: A, after
 * removing, looks again and puts the bytes back if a row now refers to them; B, after its commit,
 * puts back any file it found but no longer sees. Whichever of A's second look and B's commit
 * comes first, one of them restores the file.
 */
export interface StoredFiles {
  rows: Array<CheckedFile & { sha256: string; size: number }>;
  /** Removes the files this request created that no committed row refers to (no orphans). */
  undo(db: Db): Promise<void>;
  /** After the commit: puts back the files this request found already stored if one was removed meanwhile. */
  ensure(): Promise<void>;
}

export async function storeFiles(store: FileStore, files: CheckedFile[]): Promise<StoredFiles> {
  const rows: StoredFiles['rows'] = [];
  const created = new Map<string, Buffer>();
  const found = new Map<string, Buffer>();
  for (const f of files) {
    const put = await store.put(f.data);
    (put.created ? created : found).set(put.sha256, f.data);
    rows.push({ ...f, sha256: put.sha256, size: put.size });
  }
  for (const sha of created.keys()) found.delete(sha);
  return {
    rows,
    undo: async (db) => {
      for (const [sha, data] of created) {
        if (await repo.isFileReferenced(db, sha)) continue;
        await store.remove(sha);
        if (await repo.isFileReferenced(db, sha)) await store.put(data);
      }
    },
    ensure: async () => {
      for (const [sha, data] of found) if (!(await store.has(sha))) await store.put(data);
    },
  };
}
