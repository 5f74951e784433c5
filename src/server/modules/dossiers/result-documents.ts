import { todayInVietnam } from '../../../contracts/common';
import type { ProcedureVersion } from '../procedures';
import { renderResultDocument, type ResultDocumentData, type ResultDocumentKind } from '../slips';
import { getUnitNames } from '../units';
import type { CheckedFile } from './attachments';
import type { DossierRow } from './dossiers.repository';
import type { Db } from '../../platform/db';

/**
 * Attachment key of a result document ("result_ct07"): never a document code of a procedure (those
 * are what citizens upload, checked against the version's documents), so a citizen cannot upload one.
 */
export const resultDocumentKey = (kind: ResultDocumentKind): string => `result_${kind.toLowerCase()}`;

/** Is this attachment a result document the authority issued (not a file the citizen gave)? */
export const isResultDocumentKey = (key: string): boolean => /^result_ct0[378]$/.test(key);

/** The province of the documents (still one constant: the province's name should come from units by PROVINCE_CODE). */
const PROVINCE_NAME = 'Lai Châu';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const isoDate = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;

/**
 * The structured address of a registration (from 5/12/2026: house and street, village, and the
 * commune — the dossier's, which received it there), written as one line.
 */
function structuredAddress(form: Record<string, unknown>, communeName: string): string | undefined {
  const village = text(form.addressVillage);
  if (!village) return undefined;
  return [text(form.addressStreet), village, communeName, `tỉnh ${PROVINCE_NAME}`].filter(Boolean).join(', ');
}

/** The label of a select answer as the form shows it (CT03 prints the case of Art. 31(1) in words). */
function answerLabel(version: ProcedureVersion, field: string, value: unknown): string | undefined {
  const option = version.form.fields[field]?.options?.find((o) => o.value === value);
  return option?.labelVi ?? text(value);
}

/** What a result document of this dossier prints: the person and the answers of its form. */
export function resultDocumentData(
  kind: ResultDocumentKind,
  row: Pick<DossierRow, 'code' | 'applicantName' | 'form'>,
  version: ProcedureVersion,
  ctx: { unitName: string; officerName: string; now: Date },
): ResultDocumentData {
  const form = row.form;
  const sex = form.sex === 'male' || form.sex === 'female' ? form.sex : undefined;
  const absence =
    kind === 'CT03'
      ? {
          from: isoDate(form.absenceFrom) ?? '',
          to: isoDate(form.absenceTo) ?? '',
          destination: text(form.destination) ?? '',
        }
      : undefined;
  return {
    kind,
    agencyName: `Công an ${ctx.unitName}`,
    parentAgencyName: `Công an tỉnh ${PROVINCE_NAME}`,
    provinceName: PROVINCE_NAME,
    placeName: ctx.unitName.replace(/^(xã|phường)\s+/i, ''),
    dossierCode: row.code ?? '',
    procedureName: version.nameVi,
    person: {
      fullName: text(form.fullName) ?? row.applicantName,
      birthDate: isoDate(form.birthDate),
      sex,
      nationalId: text(form.nationalId),
      address: text(form.address) ?? structuredAddress(form, ctx.unitName) ?? text(form.stayAddress),
    },
    content:
      kind === 'CT03' ? answerLabel(version, 'supervisionStatus', form.supervisionStatus) : text(form.requestContent),
    absence,
    officerName: ctx.officerName,
    issuedAt: ctx.now,
  };
}

/**
 * The result documents the dossier's version declares (CT03, CT07, CT08), rendered as PDFs when its
 * result is issued, ready to be stored as the dossier's attachments (the citizen receives them with
 * the result). None when the version declares none, or when the dossier was refused (the refusal
 * slip CT06 is its answer).
 */
export async function renderResultDocuments(
  db: Db,
  row: DossierRow,
  version: ProcedureVersion,
  ctx: { officerName: string; now: Date },
): Promise<CheckedFile[]> {
  if (row.state !== 'approved' || version.resultDocuments.length === 0) return [];
  const unitName = await getUnitNames(db, todayInVietnam(ctx.now)).then(
    (name) => name(row.unitCode) ?? row.unitCode,
    () => row.unitCode,
  );
  const out: CheckedFile[] = [];
  for (const kind of version.resultDocuments) {
    const data = await renderResultDocument(resultDocumentData(kind, row, version, { ...ctx, unitName }));
    out.push({
      documentKey: resultDocumentKey(kind),
      fileName: `${row.code ?? 'ho-so'}-${kind}.pdf`,
      mediaType: 'application/pdf',
      data,
    });
  }
  return out;
}
