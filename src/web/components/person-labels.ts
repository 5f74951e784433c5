import type { MessageKey } from '../shell/dictionary';
import type { Translate } from '../shell/i18n';

const SEX: Record<string, MessageKey> = { male: 'person.sex.male', female: 'person.sex.female' };
const RESIDENCE_KIND: Record<string, MessageKey> = {
  permanent: 'person.residence.permanent',
  temporary: 'person.residence.temporary',
};
const ID_CARD_KIND: Record<string, MessageKey> = {
  cmnd: 'person.idCard.cmnd',
  cmnd9: 'person.idCard.cmnd',
  cmnd12: 'person.idCard.cmnd12',
  cccd: 'person.idCard.cccd',
  cccd_chip: 'person.idCard.cccdChip',
  can_cuoc: 'person.idCard.canCuoc',
};
const RELATION: Record<string, MessageKey> = {
  head: 'relation.head',
  spouse: 'relation.spouse',
  child: 'relation.child',
  parent: 'relation.parent',
  grandchild: 'relation.grandchild',
  sibling: 'relation.sibling',
  parent_in_law: 'relation.parentInLaw',
  child_in_law: 'relation.childInLaw',
  other: 'relation.other',
};

/** Translates a code through a table; unknown codes are shown as they are, empty ones as a dash. */
function label(t: Translate, table: Record<string, MessageKey>, code: string | null | undefined): string {
  if (!code) return '—';
  const key = table[code];
  return key ? t(key) : code;
}

export const sexLabel = (t: Translate, code: string | null | undefined) => label(t, SEX, code);
export const residenceKindLabel = (t: Translate, code: string | null | undefined) => label(t, RESIDENCE_KIND, code);
export const idCardKindLabel = (t: Translate, code: string | null | undefined) => label(t, ID_CARD_KIND, code);
export const relationLabel = (t: Translate, code: string | null | undefined) => label(t, RELATION, code);

/** e-ID (VNeID) level: 0 = no account, 1 = basic, 2 = full (equal to showing the card). */
export function eIdLevelLabel(t: Translate, level: number): string {
  if (level === 1) return t('person.eId.level1');
  if (level === 2) return t('person.eId.level2');
  return t('person.eId.none');
}
