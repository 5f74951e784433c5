/**
 * Which documents a procedure asks for (its `RequiredDocument` codes) a store document may stand in
 * for, by document type. A CT07 confirmation of residence information states the permanent and
 * temporary residence, the household head and the relation to them (Residence Law 2020, Circular
 * 66/2023/TT-BCA form CT07), so it proves the relation to the household head and the current
 * place of residence. A birth extract states the child's parents, so it proves the relation of parent
 * and child — e.g. a newborn joining the household where a parent is head or member (1.004222's
 * `relationship`); it proves no other relation, and no document of the catalog asks for the birth
 * certificate itself (`birth_certificate` is the medical birth notice, giấy chứng sinh). Both assumed
 * from the forms' content, not from a list in law: unconfirmed (ADR 0036).
 */
export const REUSABLE_FOR: Readonly<Record<string, readonly string[]>> = {
  CT07: ['relationship', 'current_place_proof'],
  BIRTH_EXTRACT: ['relationship'],
};

/** The procedure document codes a store document of this type may replace. */
export const documentCodesServedBy = (documentType: string): readonly string[] => REUSABLE_FOR[documentType] ?? [];

/**
 * The store document types of what is issued to the citizen besides results (issue 17 §3): the
 * slips of the one-stop shop, by the slip's kind, and the electronic fee receipt. None stands in
 * for a procedure's document (they are not in `REUSABLE_FOR`) and none has a validity limit.
 */
export const SLIP_DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  receipt: 'SLIP_RECEIPT',
  supplement: 'SLIP_SUPPLEMENT',
  refusal: 'SLIP_REFUSAL',
  apology: 'SLIP_APOLOGY',
};
export const FEE_RECEIPT_TYPE = 'RECEIPT';

type Title = { vi: string; en: string };

/**
 * The titles of those documents as their forms print them: a slip of a residence procedure is the
 * police's CT form (CT04–CT06), of any other the one-stop form (Mẫu 01–04, Decree 61/2018 as
 * amended); the apology has one form for both.
 */
export const ISSUED_PAPER_TITLES: Readonly<Record<string, { general: Title; residence?: Title }>> = {
  SLIP_RECEIPT: {
    general: {
      vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01)',
      en: 'Receipt of the dossier and appointment for the result (form 01)',
    },
    residence: {
      vi: 'Phiếu tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu CT04)',
      en: 'Receipt of the dossier and appointment for the result (form CT04)',
    },
  },
  SLIP_SUPPLEMENT: {
    general: {
      vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu số 02)',
      en: 'Request to supplement and complete the dossier (form 02)',
    },
    residence: {
      vi: 'Phiếu hướng dẫn bổ sung, hoàn thiện hồ sơ (Mẫu CT05)',
      en: 'Guidance to supplement and complete the dossier (form CT05)',
    },
  },
  SLIP_REFUSAL: {
    general: {
      vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu số 03)',
      en: 'Refusal to receive and settle the dossier (form 03)',
    },
    residence: {
      vi: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ (Mẫu CT06)',
      en: 'Refusal to receive and settle the dossier (form CT06)',
    },
  },
  SLIP_APOLOGY: {
    general: {
      vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu số 04)',
      en: 'Apology and new appointment for the result (form 04)',
    },
  },
  RECEIPT: {
    general: { vi: 'Biên lai thu lệ phí điện tử', en: 'Electronic receipt of the fee' },
  },
};

/** The title of an issued paper of `documentType`, for a residence procedure's form set or another. */
export function issuedPaperTitle(documentType: string, formSet: 'residence' | 'general' = 'general'): Title {
  const titles = ISSUED_PAPER_TITLES[documentType];
  if (!titles) return { vi: `Giấy tờ ${documentType}`, en: `Document ${documentType}` };
  return (formSet === 'residence' && titles.residence) || titles.general;
}
