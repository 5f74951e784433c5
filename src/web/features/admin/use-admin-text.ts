import { useFeatureT, type FeatureTranslate } from '../../shell/i18n';
import { enAdmin } from './messages.en';
import { viAdmin } from './messages.vi';

/** A key of the administration's own text (users, roles, the names of actions). */
export type AdminKey = keyof typeof viAdmin;

/**
 * This feature's text in the current language, loaded with its chunk: the names of every action
 * and the users' and roles' pages are not in the shell dictionary every public page's first visit
 * carries.
 */
export function useAdminT(): FeatureTranslate<AdminKey> {
  return useFeatureT(viAdmin, enAdmin);
}
