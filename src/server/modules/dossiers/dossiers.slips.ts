import { renderSlip, type SlipData, type SlipKind } from '../slips';
import { addWorkingMinutes, loadWorkingCalendar, workingDayMinutes } from '../calendar';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { SlipSource } from './use-cases/read-dossier';
import { findRefusalToken } from './dossiers.repository';
import { refusingAgency } from './result-documents';
import { staffSignature } from '../identity';

/** Who signs the citizen's own electronic copy of a slip (the citizen sees no officer names). */
export const CITIZEN_COPY_SIGNER = 'Bộ phận tiếp nhận và trả kết quả (bản điện tử)';

/** Working days the citizen has to supplement a dossier (interlinked groups: 7, DOMAIN.md §4; used for all). */
const SUPPLEMENT_WINDOW_DAYS = 7;

/**
 * Builds and renders a slip of a dossier from its history: the receipt (Mẫu 01 / CT04) once
 * received, the request to supplement (Mẫu 02 / CT05), the refusal (Mẫu 03 / CT06, citing the
 * legal provision) and the apology with a new appointment (Mẫu 04). Residence procedures print
 * the police's CT forms.
 */
export async function renderDossierSlip(
  db: Db,
  src: SlipSource,
  kind: SlipKind,
  opts: { officerName: string; publicUrl: string; now: Date; citizenCopy?: boolean },
): Promise<Buffer> {
  const { row, version, transitions, attachments, unitName } = src;
  const last = (command: string | string[]) =>
    [...transitions].reverse().find((t) => [command].flat().includes(t.command));
  const notAvailable = () =>
    new AppError('DOSSIER.SLIP_NOT_FOUND', 'Hồ sơ chưa có phiếu này', 'This dossier has no such slip yet');
  const base: SlipData = {
    kind,
    formSet: version.field === 'residence' ? 'residence' : 'general',
    agencyName: refusingAgency(version, unitName),
    unitName: 'Bộ phận tiếp nhận và trả kết quả',
    provinceName: 'Lai Châu',
    dossierCode: row.code ?? '',
    procedureName: version.nameVi,
    applicantName: row.applicantName,
    officerName: opts.officerName,
    issuedAt: opts.now,
    lookupUrl: `${opts.publicUrl.replace(/\/$/, '')}/tra-cuu`,
    legalTimeLimitDays: row.timeLimitWorkingDays,
    ...(version.sameDayCutoff ? { legalSameDayCutoff: version.sameDayCutoff } : {}),
  };
  if (!row.code) throw notAvailable();
  switch (kind) {
    case 'receipt': {
      if (!row.receivedAt) throw notAvailable();
      const receipt = last('receive');
      // Signed by the officer who received it (name and title), whoever prints it; the citizen's
      // own copy keeps the desk's name (the citizen sees no officer names).
      const signer =
        receipt?.actorAccountId && !opts.citizenCopy ? await staffSignature(db, receipt.actorAccountId) : null;
      const due = receipt?.dueAt ?? row.dueAt;
      const docs = attachments.map((a) => {
        const doc = version.documents.find((d) => d.code === a.documentKey);
        return `${doc?.nameVi ?? a.documentKey} (${a.fileName})`;
      });
      return renderSlip({
        ...base,
        receivedAt: row.receivedAt,
        ...(row.deadlineStartAt && { deadlineStartAt: row.deadlineStartAt }),
        dueAt: due ?? undefined,
        documents: docs.length ? docs : ['Tờ khai điện tử'],
        resultDelivery: row.resultDelivery as 'online' | 'post' | 'counter',
        ...(row.resultDelivery === 'post' && row.deliveryAddress && { deliveryAddress: row.deliveryAddress }),
        ...(signer && { officerName: signer.name, ...(signer.title && { officerPosition: signer.title }) }),
        issuedAt: receipt?.at ?? opts.now,
      });
    }
    case 'supplement': {
      const t = last('request_supplement');
      if (!t) throw notAvailable();
      const cal = await loadWorkingCalendar(db);
      return renderSlip({
        ...base,
        missing: t.items ?? [],
        supplementDueAt: addWorkingMinutes(cal, t.at, SUPPLEMENT_WINDOW_DAYS * workingDayMinutes(cal)),
        issuedAt: t.at,
      });
    }
    case 'refusal': {
      const t = last(['refuse_intake', 'refuse']);
      if (!t) throw notAvailable();
      // The refusal's verification row names who refused (a group's step may be another agency's).
      const verification = await findRefusalToken(db, row.id);
      return renderSlip({
        ...base,
        ...(verification && {
          agencyName: verification.agencyName,
          verifyUrl: `${opts.publicUrl.replace(/\/$/, '')}/xac-thuc/${verification.token}`,
        }),
        reason: t.reason ?? '',
        legalBasis: t.legalBasis ?? '',
        issuedAt: t.at,
      });
    }
    case 'apology': {
      const t = last('extend');
      if (!t) throw notAvailable();
      const before =
        transitions
          .slice(0, transitions.indexOf(t))
          .reverse()
          .find((x) => x.dueAt)?.dueAt ?? undefined;
      return renderSlip({
        ...base,
        receivedAt: row.receivedAt ?? undefined,
        dueAt: before,
        newDueAt: t.dueAt ?? undefined,
        delayReason: t.reason ?? '',
        officerTitle: 'THỦ TRƯỞNG CƠ QUAN',
        issuedAt: t.at,
      });
    }
  }
}
