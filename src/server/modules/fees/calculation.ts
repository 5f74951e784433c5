import { type FeeCalculation, type FeeCalculationExemption, type FeeCalculationLine } from '../../../contracts/fees';
import { formatDateVi } from '../../../contracts/common';
import type { FeeExemption } from '../../../contracts/procedures';
import { baseFee } from '../procedures';
import { decisionConflict, decisionInvalid, inputInvalid } from './fees.errors';
import { checkFeeInput, type FeeVersion } from './fee-input';
import { evaluateCriterion, type Verdict } from './exemption-rules';
import { appliedFeeWaivers, type WaiverRule } from './fee-rules';
import { filerSubject, subjectSummary } from './fee-subject';
import { checkWaiver, waiverSummary } from './waivers';
import { dueLine, exemptionLines, lineTexts, subjectLine } from './calculation-texts';
import type { ApplicantFacts, FeeInput, ListLookup } from './fees.types';

/** The part of the base an exemption waives: a per-dossier line wholly, a per-person line for the person registered only. */
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
function decideClaim(
  reason: FeeExemption,
  facts: ApplicantFacts,
  asOf: string,
  lists: ListLookup,
): FeeCalculationExemption {
  const verdict = reason.criterion ? evaluateCriterion(reason.criterion, facts, asOf, lists) : null;
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
function decide(version: FeeVersion, input: FeeInput, facts: ApplicantFacts, lists: ListLookup): Decision {
  const notesVi: string[] = [];
  const notesEn: string[] = [];
  const claimed = version.fees.exemptions.find((e) => e.code === input.claim);
  for (const reason of version.fees.exemptions) {
    if (reason.check !== 'registry' || !reason.criterion) continue;
    const verdict = evaluateCriterion(reason.criterion, facts, input.asOf, lists);
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
  if (claimed) return { exemption: decideClaim(claimed, facts, input.asOf, lists), notesVi: [], notesEn: [] };
  if (notesVi.length > 0) {
    notesVi.unshift('Không có lý do miễn lệ phí nào áp dụng theo dữ liệu dân cư. Đã kiểm tra:');
    notesEn.unshift('No exemption applies according to the registry. Checked:');
  }
  return { exemption: null, notesVi, notesEn };
}

/**
 * The fee of a dossier (pure): the version's fee item at the channel's rate ('online' and
 * 'assisted' → online, 'paper' → direct), per dossier or per person; then the exemption
 * (Circular 75/2022/TT-BTC Art. 4) checked on the person being registered (`input.subject`: a
 * newborn, a person filed for by someone else; the filer otherwise) with the lists on the filing
 * date; then a temporary waiver in force that day (`waivers`: by default the reference waivers the
 * deployment applies, see `setFeeWaiversNotApplied`) for what
 * the exemption leaves. A granted exemption comes first (it is the law without end date); when
 * the waiver leaves nothing due, a claimed reason needs no review and is dropped. A procedure
 * without fee items is free and needs neither.
 */
export function calculateFee(
  version: FeeVersion,
  input: FeeInput,
  lists: ListLookup,
  waivers: readonly WaiverRule[] = appliedFeeWaivers(),
): FeeCalculation {
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
  const subject = input.subject ?? filerSubject(input.applicant, input.applicant.personId !== null);
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
    subject: subjectSummary(subject),
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
    return {
      ...head,
      exemption: null,
      exempted: 0,
      waiver: null,
      waived: 0,
      amount: 0,
      explanationVi: vi,
      explanationEn: en,
    };
  }
  const decision = decide(version, input, subject.facts, lists);
  let { exemption } = decision;
  const waiver = checkWaiver(version, input, waivers);
  const notesVi = waiver?.applies ? [] : decision.notesVi;
  const notesEn = waiver?.applies ? [] : decision.notesEn;
  if (waiver?.applies && exemption && exemption.status !== 'granted') {
    // Nothing is left to decide: the waiver needs no proof and no officer.
    notesVi.push(`Lý do miễn bạn chọn ("${exemption.labelVi}") không cần xét vì lệ phí được miễn tạm thời.`);
    notesEn.push(
      `The reason you chose ("${exemption.labelEn}") needs no review: the fee is waived for a limited time.`,
    );
    exemption = null;
  }
  const exempted = waives(exemption) ? waivable(lines) : 0;
  const waived = waiver?.applies ? fee.amount - exempted : 0;
  const text = lineTexts(version, input, lines, rate);
  const who = subjectLine(subject);
  const about = exemption ? exemptionLines(exemption) : null;
  // A granted exemption that leaves nothing does not need the waiver: say so only when it matters.
  const waiverText = waiver && (waived > 0 || fee.amount - exempted > 0) ? waiver : null;
  const due = dueLine(fee.amount, exempted, waived);
  const explain = (pick: 'vi' | 'en') => [
    ...(pick === 'vi' ? text.vi : text.en),
    ...(who ? [who[pick]] : []),
    ...(about ? [about[pick]] : []),
    ...(pick === 'vi' ? notesVi : notesEn),
    ...(waiverText ? [waiverText[pick]] : []),
    due[pick],
  ];
  return {
    ...head,
    exemption,
    exempted,
    waiver: waived > 0 && waiver ? waiverSummary(waiver.rule) : null,
    waived,
    amount: fee.amount - exempted - waived,
    explanationVi: explain('vi'),
    explanationEn: explain('en'),
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
  const waived = Math.min(calc.waived ?? 0, calc.base - exempted);
  const about = exemptionLines(exemption);
  const due = dueLine(calc.base, exempted, waived);
  return {
    ...calc,
    exemption,
    exempted,
    waived,
    amount: calc.base - exempted - waived,
    explanationVi: [...calc.explanationVi.slice(0, -1), about.vi, due.vi],
    explanationEn: [...calc.explanationEn.slice(0, -1), about.en, due.en],
  };
}
