import type { ProcedureVersion } from '../../procedures';
import type { AccessContext } from '../../identity';
import * as errors from '../dossiers.errors';
import type { DossierDeps } from './deps';

/** A document taken from the citizen's store, as the filing attaches it (the same file: no bytes copied). */
export interface ReusedAttachment {
  documentKey: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  reusedDocumentId: string;
}

/**
 * The documents a citizen's filing takes from their document store (kho dữ liệu, issue 17 §3)
 * instead of uploads: `reused` maps a document code of the version to a store document id. Each
 * must be a document the version asks for, in the filer's own store (another's answers as not
 * found), still valid today and of a type that may stand in for it; its file must be in the file
 * store. Refused with a bilingual error naming `reusedDocuments.<code>`. Only a citizen filing
 * for themselves has a store: an officer's paper filing may not name one.
 */
export async function reusedAttachments(
  deps: DossierDeps,
  access: AccessContext,
  version: ProcedureVersion,
  reused: Record<string, string> | undefined,
  today: string,
): Promise<ReusedAttachment[]> {
  const entries = Object.entries(reused ?? {});
  if (entries.length === 0) return [];
  const out: ReusedAttachment[] = [];
  for (const [code, id] of entries) {
    const field = `reusedDocuments.${code}`;
    const asked = version.documents.find((d) => d.code === code);
    if (!asked)
      throw errors.attachmentInvalid(
        field,
        `Thủ tục này không yêu cầu giấy tờ "${code}"`,
        `This procedure does not ask for a document "${code}"`,
      );
    if (access.actor?.kind !== 'citizen' || !deps.reuseDocument)
      throw errors.attachmentInvalid(
        field,
        'Chỉ công dân tự nộp hồ sơ mới dùng được giấy tờ trong kho dữ liệu của mình',
        'Only a citizen filing for themselves can use documents from their document store',
      );
    const found = await deps.reuseDocument(deps.db, {
      ownerAccountId: access.actor.accountId,
      id,
      documentCode: code,
      today,
    });
    if (found === 'not_found' || (typeof found === 'object' && !(await deps.files.has(found.sha256))))
      throw errors.attachmentInvalid(
        field,
        `Không tìm thấy giấy tờ dùng cho "${asked.nameVi}" trong kho dữ liệu của bạn`,
        `The document given for "${asked.nameEn}" is not in your document store`,
      );
    if (found === 'expired')
      throw errors.attachmentInvalid(
        field,
        `Giấy tờ trong kho dữ liệu dùng cho "${asked.nameVi}" đã hết hạn sử dụng: hãy tải lên bản mới`,
        `The stored document given for "${asked.nameEn}" is no longer valid: upload a current one`,
      );
    if (found === 'not_accepted')
      throw errors.attachmentInvalid(
        field,
        `Giấy tờ này trong kho dữ liệu không dùng thay được cho "${asked.nameVi}"`,
        `This stored document cannot stand in for "${asked.nameEn}"`,
      );
    out.push({
      documentKey: code,
      fileName: found.fileName,
      mediaType: found.mediaType,
      size: found.size,
      sha256: found.sha256,
      reusedDocumentId: found.id,
    });
  }
  return out;
}
