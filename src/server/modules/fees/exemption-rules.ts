import type { ExemptionCriterion } from '../../../contracts/procedures';
import { formatDateVi } from '../../../contracts/common';
import type { ApplicantFacts, ListHit, ListLookup } from './fees.types';

/** Ethnic group code of the Kinh (Decision 121-TCTK/PPCĐ): every other code is an ethnic minority. */
export const KINH_ETHNICITY_CODE = '01';

/**
 * What the registry says about one criterion: it holds, it does not, or the registry lacks the
 * fact (`null`). The reasons name the facts and the list entry used, never the ethnic group
 * itself (sensitive data, PDP Law 91/2025): "ethnic minority" is all the rule needs.
 */
export interface Verdict {
  holds: boolean | null;
  vi: string;
  en: string;
  /** The verdict rests on a provisional list entry. */
  provisional: boolean;
}

/**
 * Age in whole years on `asOf` (both YYYY-MM-DD): a year is added on the birthday. Someone born
 * on 29 February turns a year older on 1 March in a common year (28/2 is still before the birthday).
 */
export function ageOn(birthDate: string, asOf: string): number {
  const years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return asOf.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const verdict = (holds: boolean | null, vi: string, en: string, provisional = false): Verdict => ({
  holds,
  vi,
  en,
  provisional,
});

function ageVerdict(
  facts: ApplicantFacts,
  asOf: string,
  test: (age: number) => boolean,
  ruleVi: string,
  ruleEn: string,
): Verdict {
  const declared = facts.source === 'declared';
  if (!facts.birthDate) {
    return declared
      ? verdict(
          null,
          'Tờ khai chưa có ngày sinh của người được đăng ký nên chưa xác định được tuổi',
          'The form gives no date of birth of the person registered, so the age cannot be determined',
        )
      : verdict(
          null,
          'Cơ sở dữ liệu dân cư chưa có ngày sinh đầy đủ nên chưa xác định được tuổi',
          'The registry holds no full birth date, so the age cannot be determined',
        );
  }
  if (facts.birthDate > asOf) {
    return verdict(
      null,
      `Ngày sinh ${formatDateVi(facts.birthDate)} sau ngày nộp ${formatDateVi(asOf)}: cán bộ kiểm tra lại`,
      `Date of birth ${facts.birthDate} is after the filing date ${asOf}: an officer checks it`,
    );
  }
  const age = ageOn(facts.birthDate, asOf);
  const holds = test(age);
  const byVi = declared ? ' (ngày sinh khai trên tờ khai, cán bộ đối chiếu giấy tờ)' : '';
  const byEn = declared ? ' (date of birth declared on the form, checked by the officer against the papers)' : '';
  return verdict(
    holds,
    `Sinh ngày ${formatDateVi(facts.birthDate)}${byVi}: ${age} tuổi vào ngày nộp ${formatDateVi(asOf)} — ${holds ? '' : 'không '}${ruleVi}`,
    `Born ${facts.birthDate}${byEn}: ${age} years old on the filing date ${asOf} — ${holds ? '' : 'not '}${ruleEn}`,
  );
}

function entryText(hit: ListHit): { vi: string; en: string } {
  const vi = `danh sách "${hit.listNameVi}" (từ ${formatDateVi(hit.validFrom)}${hit.validTo ? ` đến ${formatDateVi(hit.validTo)}` : ''}; căn cứ: ${hit.source})`;
  const en = `the list "${hit.listNameEn}" (from ${hit.validFrom}${hit.validTo ? ` to ${hit.validTo}` : ''}; source: ${hit.source})`;
  return { vi, en };
}

function unitInList(
  facts: ApplicantFacts,
  listCode: string,
  asOf: string,
  lists: ListLookup,
  subjectVi: string,
  subjectEn: string,
): Verdict {
  const list = lists.list(listCode);
  if (!list)
    return verdict(
      false,
      `Chưa có danh sách "${listCode}" nên không xét được`,
      `There is no list "${listCode}", so this cannot apply`,
    );
  if (!facts.residenceUnitCode) {
    return verdict(
      null,
      'Cơ sở dữ liệu dân cư chưa có nơi thường trú nên chưa xét được',
      'The registry holds no permanent residence, so this cannot be checked',
    );
  }
  const name = lists.unitName(facts.residenceUnitCode);
  const hit = lists.unit(listCode, facts.residenceUnitCode);
  if (!hit) {
    return verdict(
      false,
      `${subjectVi} ${name}, không có trong danh sách "${list.nameVi}" vào ngày ${formatDateVi(asOf)}`,
      `${subjectEn} ${name}, which is not in the list "${list.nameEn}" on ${asOf}`,
    );
  }
  const text = entryText(hit);
  return verdict(
    true,
    `${subjectVi} ${name}, có trong ${text.vi}`,
    `${subjectEn} ${name}, which is in ${text.en}`,
    hit.provisional,
  );
}

/**
 * Checks one registry criterion of an exemption reason on the filing date `asOf`:
 * - `age_below n` — under n on the filing date (children: under 16, Law on Children);
 * - `age_at_least n` — n or older (the elderly: from 60, Law on the Elderly);
 * - `ethnic_minority_in_unit_list` — not Kinh, and permanent residence in a commune of the list
 *   (a Kinh resident of an extremely difficult commune is not exempt);
 * - `resident_in_unit_list` — permanent residence in a commune of the list (border communes);
 * - `household_in_list` — the applicant's household is in the list (poor households).
 */
export function evaluateCriterion(
  criterion: ExemptionCriterion,
  facts: ApplicantFacts,
  asOf: string,
  lists: ListLookup,
): Verdict {
  switch (criterion.kind) {
    case 'age_below':
      return ageVerdict(
        facts,
        asOf,
        (age) => age < criterion.years,
        `dưới ${criterion.years} tuổi`,
        `under ${criterion.years}`,
      );
    case 'age_at_least':
      return ageVerdict(
        facts,
        asOf,
        (age) => age >= criterion.years,
        `từ đủ ${criterion.years} tuổi`,
        `${criterion.years} or older`,
      );
    case 'ethnic_minority_in_unit_list': {
      if (!facts.ethnicityCode) {
        return verdict(
          null,
          'Cơ sở dữ liệu dân cư chưa có thông tin dân tộc nên chưa xét được',
          'The registry holds no ethnic group, so this cannot be checked',
        );
      }
      if (facts.ethnicityCode === KINH_ETHNICITY_CODE) {
        return verdict(
          false,
          'Người dân tộc Kinh không thuộc diện này (chỉ đồng bào dân tộc thiểu số)',
          'Kinh people are not covered (ethnic minorities only)',
        );
      }
      return unitInList(
        facts,
        criterion.list,
        asOf,
        lists,
        'Người dân tộc thiểu số, thường trú tại',
        'An ethnic-minority person with permanent residence in',
      );
    }
    case 'resident_in_unit_list':
      return unitInList(facts, criterion.list, asOf, lists, 'Thường trú tại', 'Permanent residence in');
    case 'household_in_list': {
      const list = lists.list(criterion.list);
      if (!list)
        return verdict(
          false,
          `Chưa có danh sách "${criterion.list}" nên không xét được`,
          `There is no list "${criterion.list}", so this cannot apply`,
        );
      if (!facts.householdId)
        return verdict(
          null,
          'Cơ sở dữ liệu dân cư chưa có hộ gia đình của người nộp',
          'The registry holds no household for the applicant',
        );
      const hit = lists.household(criterion.list, facts.householdId);
      if (!hit) {
        return verdict(
          false,
          `Hộ gia đình không có trong danh sách "${list.nameVi}" vào ngày ${formatDateVi(asOf)}`,
          `The household is not in the list "${list.nameEn}" on ${asOf}`,
        );
      }
      const text = entryText(hit);
      return verdict(true, `Hộ gia đình có trong ${text.vi}`, `The household is in ${text.en}`, hit.provisional);
    }
  }
}
