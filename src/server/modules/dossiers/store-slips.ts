import type { Db } from '../../platform/db';
import type { SlipKind } from '../slips';
import * as repo from './dossiers.repository';
import { CITIZEN_COPY_SIGNER, renderDossierSlip } from './dossiers.slips';
import { refusingAgency } from './result-documents';
import { slipSourceOf } from './use-cases/read-dossier';

/*
 * The published rendering of the slips issued to a citizen, for their document store (kho dữ
 * liệu, `documents` module, issue 17 §3): a slip is issued by a transition — the receipt and
 * appointment at `receive`, the request to supplement at `request_supplement`, the refusal at
 * `refuse_intake` / `refuse`, the apology at `extend` — and is rendered by the same code as the
 * on-demand print (`renderDossierSlip`), as the citizen's own copy prints it.
 */

/** The slip each transition command issues to the citizen. */
export const SLIP_OF_COMMAND: Readonly<Record<string, SlipKind>> = {
  receive: 'receipt',
  request_supplement: 'supplement',
  refuse_intake: 'refusal',
  refuse: 'refusal',
  extend: 'apology',
};

/** A slip issued to the owner of a dossier, rendered as the citizen's copy of it prints. */
export interface IssuedSlip {
  dossierId: string;
  dossierCode: string;
  /** The citizen account that owns the dossier. */
  ownerAccountId: string;
  procedureCode: string;
  transitionId: number;
  kind: SlipKind;
  /** Residence procedures print the police's CT forms (CT04–CT06), others the one-stop forms (Mẫu 01–04). */
  formSet: 'residence' | 'general';
  /** The agency as the slip prints it. */
  agencyName: string;
  issuedAt: Date;
  fileName: string;
  pdf: Buffer;
}

/**
 * The slip transition `transitionId` of dossier `dossierId` issued, rendered as the citizen's copy
 * prints on demand (`GET /dossiers/:id/slips/:kind` by its owner) from the dossier's history up to
 * that transition; undefined when the transition issues no slip, or the dossier has no owner
 * account or no code. No access check: for the document store's recording pass, which keeps the
 * slip for the dossier's owner only. Sequential reads: `db` may be that pass's transaction.
 * Throws the slips' own errors (`SLIP.INVALID`, `DOSSIER.SLIP_NOT_FOUND`) for a history it cannot print.
 */
export async function renderIssuedSlip(
  db: Db,
  q: { dossierId: string; transitionId: number; publicUrl: string },
): Promise<IssuedSlip | undefined> {
  const row = await repo.findDossier(db, q.dossierId);
  if (!row?.ownerAccountId || !row.code) return undefined;
  const src = await slipSourceOf(db, row, new Date());
  const issuing = src.transitions.find((t) => t.id === q.transitionId);
  const kind = issuing && SLIP_OF_COMMAND[issuing.command];
  if (!issuing || !kind) return undefined;
  // The history as it stood when the slip was issued: a later slip of the same kind is another document.
  const transitions = src.transitions.filter((t) => t.id <= q.transitionId);
  const pdf = await renderDossierSlip(db, { ...src, transitions }, kind, {
    officerName: CITIZEN_COPY_SIGNER,
    publicUrl: q.publicUrl,
    now: issuing.at,
    citizenCopy: true,
  });
  return {
    dossierId: row.id,
    dossierCode: row.code,
    ownerAccountId: row.ownerAccountId,
    procedureCode: row.procedureCode,
    transitionId: issuing.id,
    kind,
    formSet: src.version.field === 'residence' ? 'residence' : 'general',
    agencyName: refusingAgency(src.version, src.unitName),
    issuedAt: issuing.at,
    fileName: `${row.code}-${kind}.pdf`,
    pdf,
  };
}
