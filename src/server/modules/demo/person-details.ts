/** Details of generated people that need no factory state: birth provinces, verification times, family names. */
import { dayBetween, dayToIso } from './dates';
import type { HouseholdPlan, MemberPlan } from './households';
import { drawFamily, drawOtherFamily } from './names';
import { flat, type Rng } from './random';

// Names of the provinces that appear as birth-registration origins (pre-2025 names, as recorded).
const PROVINCE_NAMES: Record<string, string> = {
  '001': 'Thành phố Hà Nội',
  '010': 'Tỉnh Lào Cai',
  '011': 'Tỉnh Điện Biên',
  '012': 'Tỉnh Lai Châu',
  '014': 'Tỉnh Sơn La',
  '015': 'Tỉnh Yên Bái',
  '025': 'Tỉnh Phú Thọ',
  '030': 'Tỉnh Hải Dương',
  '033': 'Tỉnh Hưng Yên',
  '034': 'Tỉnh Thái Bình',
  '035': 'Tỉnh Hà Nam',
  '036': 'Tỉnh Nam Định',
  '037': 'Tỉnh Ninh Bình',
  '038': 'Tỉnh Thanh Hóa',
  '040': 'Tỉnh Nghệ An',
};

/** Name of a province by its 3-digit birth-registration code (Lai Châu when unknown). */
export function provinceName(idCode: string): string {
  return PROVINCE_NAMES[idCode] ?? 'Tỉnh Lai Châu';
}

/** An ISO timestamp on a working-hours moment (08:00–17:00 UTC+7) of a day in [lo, hi]. */
export function verifiedAt(rng: Rng, lo: number, hi: number): string {
  const day = dayBetween(Math.min(lo, hi), hi, rng.next());
  const seconds = 3600 + rng.int(0, 9 * 3600 - 1);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return flat(`${dayToIso(day)}T${hh}:${mm}:${ss}.000Z`);
}

/** Family name of each member: patrilineal for children, own (exogamous) for spouses and in-laws. */
export function familyNames(rng: Rng, plan: HouseholdPlan): string[] {
  const head = plan.members[0] as MemberPlan;
  const spouse = plan.members.find((m) => m.relation === 'spouse');
  const headFamily = drawFamily(rng, head.ethnicityCode);
  const husbandFamily = spouse
    ? drawOtherFamily(rng, spouse.ethnicityCode, headFamily)
    : drawOtherFamily(rng, head.ethnicityCode, headFamily);
  const lineage = head.sex === 'male' ? headFamily : husbandFamily;
  const maleInLaw = plan.members.find((m) => m.relation === 'child_in_law' && m.sex === 'male');
  const inLawFamily = drawOtherFamily(rng, (maleInLaw ?? head).ethnicityCode, lineage);
  return plan.members.map((m) => {
    switch (m.relation) {
      case 'head':
      case 'sibling':
        return headFamily;
      case 'spouse':
        return head.sex === 'male' ? drawOtherFamily(rng, m.ethnicityCode, headFamily) : husbandFamily;
      case 'child':
        return lineage;
      case 'grandchild':
        return maleInLaw ? inLawFamily : lineage;
      case 'child_in_law':
        return m.sex === 'male' ? inLawFamily : drawOtherFamily(rng, m.ethnicityCode, lineage);
      case 'parent':
        return m.sex === 'male' ? headFamily : drawOtherFamily(rng, m.ethnicityCode, headFamily);
      default:
        return drawFamily(rng, m.ethnicityCode);
    }
  });
}
