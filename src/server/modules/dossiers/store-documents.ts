import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { list } from './dossier-figures';

/*
 * The published read of issued result documents, for the citizen's document store (kho dữ liệu,
 * `documents` module, issue 17 §3): the result documents of a dossier are its `result_*`
 * attachments (CT03, CT07, CT08, the birth extract, rendered at `issue_result`, already in the content-addressed file
 * store), each with its verification row (issuing agency, validity). The store keeps references to
 * them, never copies of the bytes.
 */

/** One result document of a dossier whose result was issued, as the store records it. */
export interface IssuedResultDocument {
  dossierId: string;
  dossierCode: string | null;
  /** The citizen account that owns the dossier (null: a paper filing without an account). */
  ownerAccountId: string | null;
  procedureCode: string;
  attachmentId: string;
  /** The result document's kind: CT03, CT07, CT08, BIRTH_EXTRACT. */
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** The issuing agency as printed (e.g. "Công an xã Bình Lư"). */
  agencyName: string | null;
  issuedAt: Date;
  /** The last day it may be used (ISO date), or null: no limit. */
  validUntil: string | null;
}

/**
 * The result documents of these dossiers, for those whose result was issued (result_issued,
 * returned). Read in one query; numbers and references only besides the file name.
 */
export async function listIssuedResultDocuments(
  db: Db,
  dossierIds: readonly string[],
): Promise<IssuedResultDocument[]> {
  if (dossierIds.length === 0) return [];
  const rows = await queryRows<{
    dossier_id: string;
    code: string | null;
    owner_account_id: string | null;
    procedure_code: string;
    attachment_id: string;
    document_key: string;
    file_name: string;
    media_type: string;
    size: string | number;
    sha256: string;
    agency_name: string | null;
    issued_at: Date | string | null;
    uploaded_at: Date | string;
    valid_until: string | null;
  }>(
    db,
    sql`select d.id as dossier_id, d.code, d.owner_account_id, d.procedure_code,
          a.id as attachment_id, a.document_key, a.file_name, a.media_type, a.size, a.sha256, a.uploaded_at,
          v.agency_name, v.issued_at, v.valid_until::text as valid_until
        from dossiers.dossiers d
        join dossiers.attachments a on a.dossier_id = d.id and a.document_key like 'result\\_%'
        left join dossiers.result_verifications v on v.dossier_id = d.id and v.pdf_sha256 = a.sha256
        where d.id in (${list(dossierIds)}) and d.state in ('result_issued', 'returned')
        order by d.id, a.uploaded_at, a.id`,
  );
  return rows.map((r) => ({
    dossierId: r.dossier_id,
    dossierCode: r.code,
    ownerAccountId: r.owner_account_id,
    procedureCode: r.procedure_code,
    attachmentId: r.attachment_id,
    kind: r.document_key.slice('result_'.length).toUpperCase(),
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    agencyName: r.agency_name,
    issuedAt: new Date(r.issued_at ?? r.uploaded_at),
    validUntil: r.valid_until,
  }));
}
