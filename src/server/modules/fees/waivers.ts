import { formatDateVi } from '../../../contracts/common';
import type { FeeCalculationWaiver } from '../../../contracts/fees';
import type { WaiverRule } from './fee-rules';
import type { FeeVersion } from './fee-input';
import type { FeeInput } from './fees.types';

/** A waiver in force on the filing date for the version's fees, and whether this filing meets its conditions. */
export interface WaiverCheck {
  rule: WaiverRule;
  applies: boolean;
  vi: string;
  en: string;
}

function inForce(rule: WaiverRule, version: FeeVersion, asOf: string): boolean {
  return (
    rule.validFrom <= asOf && asOf <= rule.validTo && (version.fees.legalBasis ?? '').includes(rule.coversFeeLegalBasis)
  );
}

const unconfirmed = (rule: WaiverRule) =>
  rule.confirmed
    ? { vi: '', en: '' }
    : {
        vi: ' Áp dụng theo bản công bố công khai của văn bản; chưa đối chiếu văn bản chính thức.',
        en: ' Applied from public copies of the text; the official text is not yet checked.',
      };

/**
 * The waiver of the filing (pure): among the waivers whose period (first and last day inclusive)
 * holds the filing date and whose covered legal basis the version's fees cite — a waiver ends by
 * itself the day after its last day — the first this filing meets (channel, the filer's e-ID
 * level), else the first in force, to tell the citizen how they could have it. Null when none.
 */
export function checkWaiver(version: FeeVersion, input: FeeInput, waivers: readonly WaiverRule[]): WaiverCheck | null {
  const candidates = waivers.filter((w) => inForce(w, version, input.asOf));
  const meets = (w: WaiverRule) =>
    w.channels.includes(input.channel) && (w.minEidLevel === null || (input.eidLevel ?? 0) >= w.minEidLevel);
  const rule = candidates.find(meets) ?? candidates[0];
  if (!rule) return null;
  const period = {
    vi: `từ ${formatDateVi(rule.validFrom)} đến hết ${formatDateVi(rule.validTo)}`,
    en: `from ${rule.validFrom} to ${rule.validTo} inclusive`,
  };
  const note = unconfirmed(rule);
  if (meets(rule)) {
    const level = input.eidLevel ? ` mức độ ${input.eidLevel}` : '';
    const levelEn = input.eidLevel ? ` level-${input.eidLevel}` : '';
    return {
      rule,
      applies: true,
      vi: `Được miễn lệ phí tạm thời: ${rule.labelVi} (${rule.legalBasis}), ${period.vi}. Hồ sơ nộp trực tuyến bằng tài khoản định danh điện tử${level}.${note.vi}`,
      en: `Fee waived for a limited time: ${rule.labelEn} (${rule.legalBasis}), ${period.en}. Filed online with a${levelEn} e-ID account.${note.en}`,
    };
  }
  const why = !rule.channels.includes(input.channel)
    ? { vi: 'hồ sơ nộp trực tiếp (hồ sơ giấy)', en: 'the dossier is filed on paper' }
    : {
        vi: `tài khoản định danh điện tử chưa đạt mức độ ${rule.minEidLevel}`,
        en: `the e-ID account is below level ${rule.minEidLevel}`,
      };
  return {
    rule,
    applies: false,
    vi: `${rule.labelVi} (${rule.legalBasis}), ${period.vi}: không áp dụng cho hồ sơ này vì ${why.vi}.${note.vi}`,
    en: `${rule.labelEn} (${rule.legalBasis}), ${period.en}: not for this dossier, as ${why.en}.${note.en}`,
  };
}

/** The waiver as stored with the calculation and shown to the citizen. */
export function waiverSummary(rule: WaiverRule): FeeCalculationWaiver {
  return {
    code: rule.code,
    labelVi: rule.labelVi,
    labelEn: rule.labelEn,
    legalBasis: rule.legalBasis,
    validFrom: rule.validFrom,
    validTo: rule.validTo,
    conditionsVi: rule.conditionsVi,
    conditionsEn: rule.conditionsEn,
    confirmed: rule.confirmed,
  };
}
