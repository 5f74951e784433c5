import {
  formatVnd,
  type FeeCalculation,
  type FeeCalculationExemption,
  type FeeCalculationLine,
} from '../../../contracts/fees';
import { formatDateVi } from '../../../contracts/common';
import type { FeeExemption } from '../../../contracts/procedures';
import { baseFee } from '../procedures';
import { decisionConflict, decisionInvalid, inputInvalid } from './fees.errors';
import { checkFeeInput, type FeeVersion } from './fee-input';
import { evaluateCriterion, type Verdict } from './exemption-rules';
import type { FeeInput, ListLookup } from './fees.types';

/** The part of the base an exemption waives: a per-dossier line wholly, a per-person line for the applicant only. */
function waivable(lines: readonly FeeCalculationLine[]): number {
  return lines.reduce((sum, l) => sum + (l.basis === 'per_person' ? Math.min(l.unit, l.amount) : l.amount), 0);
}

/** Does the exemption in this state keep the fee from being due now? */
function waives(exemption: FeeCalculationExemption | null): boolean {
  return exemption !== null && exemption.status !== 'rejected';
}

function exemptionOf(
  reason: FeeExemption,
  status: FeeCalculationExemption['status'],
  verdict: Pick<Verdict, 'vi' | 'en' | 'provisional'>,
): FeeCalculationExemption {
  return {
    code: reason.code,
    labelVi: reason.labelVi,
    labelEn: reason.labelEn,
    legalBasis: reason.legalBasis,
    check: reason.check,
    status,
    reasonVi: verdict.vi,
    reasonEn: verdict.en,
    proofVi: reason.proofVi,
    proofEn: reason.proofEn,
    provisional: verdict.provisional,
  };
}

interface Decision {
  exemption: FeeCalculationExemption | null;
  notesVi: string[];
  notesEn: string[];
}

/** A claimed reason that the registry checks (or that needs a proof) when no registry reason held. */
function decideClaim(reason: FeeExemption, input: FeeInput, lists: ListLookup): FeeCalculationExemption {
  const verdict = reason.criterion ? evaluateCriterion(reason.criterion, input.applicant, input.asOf, lists) : null;
  if (verdict?.holds === false) return exemptionOf(reason, 'rejected', verdict);
  if (reason.check === 'registry') {
    // The registry lacks the fact (holds === null): an officer checks the papers instead.
    const v = verdict ?? { vi: '', en: '', provisional: false };
    return exemptionOf(reason, 'pending', {
      ...v,
      vi: `${v.vi}; cán bộ kiểm tra giấy tờ để xác nhận`,
      en: `${v.en}; an officer checks the papers to confirm`,
    });
  }
  const proofVi = reason.proofVi ?? 'giấy tờ chứng minh';
  const proofEn = reason.proofEn ?? 'a supporting document';
  const prefixVi = verdict?.holds ? `${verdict.vi}. ` : '';
  const prefixEn = verdict?.holds ? `${verdict.en}. ` : '';
  return exemptionOf(reason, 'pending', {
    vi: `${prefixVi}Chờ cán bộ kiểm tra giấy tờ: ${proofVi}`,
    en: `${prefixEn}Waiting for an officer to check the document: ${proofEn}`,
    provisional: verdict?.provisional ?? false,
  });
}

/**
 * Which exemption applies: every registry-checkable reason is checked in the version's order and
 * the first that holds is granted, claimed or not (a resident of a border commune pays nothing
 * without asking). Otherwise the claimed reason, if any: pending for an officer (proof, or a fact
 * the registry lacks), or rejected when the registry contradicts it.
 */
function decide(version: FeeVersion, input: FeeInput, lists: ListLookup): Decision {
  const notesVi: string[] = [];
  const notesEn: string[] = [];
  const claimed = version.fees.exemptions.find((e) => e.code === input.claim);
  for (const reason of version.fees.exemptions) {
    if (reason.check !== 'registry' || !reason.criterion) continue;
    const verdict = evaluateCriterion(reason.criterion, input.applicant, input.asOf, lists);
    if (verdict.holds === true) {
      if (claimed && claimed.code !== reason.code) {
        notesVi.push(`Lý do bạn chọn ("${claimed.labelVi}") không cần xét vì đã được miễn theo lý do trên.`);
        notesEn.push(`The reason you chose ("${claimed.labelEn}") needs no review: the exemption above applies.`);
      }
      return { exemption: exemptionOf(reason, 'granted', verdict), notesVi, notesEn };
    }
    if (!claimed) {
      notesVi.push(`• ${reason.labelVi}: ${verdict.vi}.`);
      notesEn.push(`• ${reason.labelEn}: ${verdict.en}.`);
    }
  }
  if (claimed) return { exemption: decideClaim(claimed, input, lists), notesVi: [], notesEn: [] };
  if (notesVi.length > 0) {
    notesVi.unshift('Không có lý do miễn lệ phí nào áp dụng theo dữ liệu dân cư. Đã kiểm tra:');
    notesEn.unshift('No exemption applies according to the registry. Checked:');
  }
  return { exemption: null, notesVi, notesEn };
}

function exemptionLines(e: FeeCalculationExemption): { vi: string; en: string } {
  const lawVi = e.legalBasis ? ` (${e.legalBasis})` : '';
  const provisionalVi = e.provisional
    ? ' Lưu ý: danh sách dùng để xét là danh sách tạm, sẽ cập nhật theo quyết định của cơ quan có thẩm quyền.'
    : '';
  const provisionalEn = e.provisional
    ? ' Note: the list used is provisional, to be updated from the competent decision.'
    : '';
  switch (e.status) {
    case 'granted':
      return {
        vi: `Được miễn lệ phí: ${e.labelVi}${lawVi}. ${e.reasonVi}.${provisionalVi}`,
        en: `Exempt from the fee: ${e.labelEn}${lawVi}. ${e.reasonEn}.${provisionalEn}`,
      };
    case 'pending':
      return {
        vi: `Đề nghị miễn lệ phí: ${e.labelVi}${lawVi}. ${e.reasonVi}. Trong khi chờ xét, chưa phải nộp phần lệ phí được đề nghị miễn.`,
        en: `Exemption requested: ${e.labelEn}${lawVi}. ${e.reasonEn}. While it is reviewed, the part requested for exemption is not due.`,
      };
    case 'confirmed':
      return {
        vi: `Cán bộ đã xác nhận miễn lệ phí: ${e.labelVi}. ${e.reasonVi}.`,
        en: `The officer confirmed the exemption: ${e.labelEn}. ${e.reasonEn}.`,
      };
    case 'rejected':
      return {
        vi: `Không được miễn lệ phí theo lý do "${e.labelVi}": ${e.reasonVi}.`,
        en: `No exemption for "${e.labelEn}": ${e.reasonEn}.`,
      };
  }
}

function dueLine(base: number, exempted: number): { vi: string; en: string } {
  if (exempted > 0 && exempted < base) {
    return {
      vi: `Số tiền phải nộp: ${formatVnd(base - exempted, 'vi')} (đã trừ ${formatVnd(exempted, 'vi')} được miễn cho người nộp).`,
      en: `Amount due: ${formatVnd(base - exempted, 'en')} (${formatVnd(exempted, 'en')} waived for the applicant).`,
    };
  }
  return {
    vi: `Số tiền phải nộp: ${formatVnd(base - exempted, 'vi')}.`,
    en: `Amount due: ${formatVnd(base - exempted, 'en')}.`,
  };
}

function lineTexts(
  version: FeeVersion,
  input: FeeInput,
  lines: FeeCalculationLine[],
  rate: 'online' | 'direct',
): { vi: string[]; en: string[] } {
  const vi = lines.map(
    (l) =>
      `${l.labelVi}: ${formatVnd(l.unit, 'vi')} × ${l.quantity} ${l.basis === 'per_person' ? 'người' : 'hồ sơ'} = ${formatVnd(l.amount, 'vi')}.`,
  );
  const en = lines.map(
    (l) =>
      `${l.labelEn}: ${formatVnd(l.unit, 'en')} × ${l.quantity} ${l.basis === 'per_person' ? (l.quantity === 1 ? 'person' : 'persons') : 'dossier'} = ${formatVnd(l.amount, 'en')}.`,
  );
  const assistedVi =
    input.channel === 'assisted'
      ? ' (nộp trên thiết bị tại bộ phận một cửa có hướng dẫn được tính như nộp trực tuyến)'
      : '';
  const assistedEn = input.channel === 'assisted' ? ' (filing on a counter device with guidance counts as online)' : '';
  vi.push(
    `Mức thu ${rate === 'online' ? 'khi nộp trực tuyến' : 'khi nộp trực tiếp (hồ sơ giấy)'}${assistedVi}${version.fees.legalBasis ? `, theo ${version.fees.legalBasis}` : ''}.`,
  );
  en.push(
    `${rate === 'online' ? 'Online' : 'Direct (paper filing)'} rate${assistedEn}${version.fees.legalBasis ? `, under ${version.fees.legalBasis}` : ''}.`,
  );
  return { vi, en };
}

/**
 * The fee of a dossier (pure): the version's fee item at the channel's rate ('online' and
 * 'assisted' → online, 'paper' → direct), per dossier or per person, then the exemption
 * (Circular 75/2022/TT-BTC Art. 4) from the applicant's registry facts and the lists on the
 * filing date. A procedure without fee items is free and needs no exemption.
 */
export function calculateFee(version: FeeVersion, input: FeeInput, lists: ListLookup): FeeCalculation {
  checkFeeInput(version, input);
  const rate = input.channel === 'paper' ? 'direct' : 'online';
  const variant = input.variant ?? 'standard';
  const fee = baseFee(version, { channel: rate, persons: input.persons, variant });
  const lines: FeeCalculationLine[] = fee.lines.map((l) => ({
    code: l.code,
    labelVi: l.labelVi,
    labelEn: l.labelEn,
    basis: l.basis,
    unit: l.unitAmount,
    quantity: l.quantity,
    amount: l.amount,
  }));
  const head = {
    procedureCode: version.code,
    versionId: version.id,
    asOf: input.asOf,
    channel: input.channel,
    rate,
    persons: input.persons,
    variant,
    claim: input.claim,
    base: fee.amount,
    lines,
  } as const;
  if (fee.amount === 0) {
    const vi = [
      'Thủ tục này không thu lệ phí.',
      ...(version.fees.noteVi ? [version.fees.noteVi] : []),
      'Số tiền phải nộp: 0 đồng.',
    ];
    const en = [
      'This procedure has no fee.',
      ...(version.fees.noteEn ? [version.fees.noteEn] : []),
      'Amount due: 0 VND.',
    ];
    return { ...head, exemption: null, exempted: 0, amount: 0, explanationVi: vi, explanationEn: en };
  }
  const { exemption, notesVi, notesEn } = decide(version, input, lists);
  const exempted = waives(exemption) ? waivable(lines) : 0;
  const text = lineTexts(version, input, lines, rate);
  const about = exemption ? exemptionLines(exemption) : null;
  const due = dueLine(fee.amount, exempted);
  return {
    ...head,
    exemption,
    exempted,
    amount: fee.amount - exempted,
    explanationVi: [...text.vi, ...(about ? [about.vi] : []), ...notesVi, due.vi],
    explanationEn: [...text.en, ...(about ? [about.en] : []), ...notesEn, due.en],
  };
}

/**
 * Records an officer's decision on a pending exemption (pure): 'confirmed' keeps the fee waived,
 * 'rejected' makes the whole base due. The reason (3–500 characters) is kept with the decision
 * and the explanation gains the decision and the new amount. Only a pending exemption can be
 * decided (FEE.DECISION_CONFLICT otherwise): a decision, once made, is not reversed here.
 */
export function decideExemption(
  calc: FeeCalculation,
  decision: 'confirmed' | 'rejected',
  reason: string,
  decidedOn?: string,
): FeeCalculation {
  if (decision !== 'confirmed' && decision !== 'rejected') {
    throw inputInvalid(
      'decision',
      'Quyết định phải là confirmed hoặc rejected',
      'The decision must be confirmed or rejected',
    );
  }
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length < 3 || text.length > 500) {
    throw decisionInvalid(
      'reason',
      'Ghi lý do xác nhận hoặc từ chối (3–500 ký tự)',
      'Give the reason for confirming or rejecting (3–500 characters)',
    );
  }
  if (!calc.exemption || calc.exemption.status !== 'pending') throw decisionConflict(calc.exemption?.status ?? null);
  const dayVi = decidedOn ? ` ngày ${formatDateVi(decidedOn)}` : '';
  const dayEn = decidedOn ? ` on ${decidedOn}` : '';
  const exemption: FeeCalculationExemption = {
    ...calc.exemption,
    status: decision,
    reasonVi: `${decision === 'confirmed' ? 'Cán bộ xác nhận' : 'Cán bộ không chấp nhận'}${dayVi}: ${text}`,
    reasonEn: `${decision === 'confirmed' ? 'Confirmed by the officer' : 'Rejected by the officer'}${dayEn}: ${text}`,
  };
  const exempted = waives(exemption) ? waivable(calc.lines) : 0;
  const about = exemptionLines(exemption);
  const due = dueLine(calc.base, exempted);
  return {
    ...calc,
    exemption,
    exempted,
    amount: calc.base - exempted,
    explanationVi: [...calc.explanationVi.slice(0, -1), about.vi, due.vi],
    explanationEn: [...calc.explanationEn.slice(0, -1), about.en, due.en],
  };
}
