import { useFeatureT, type FeatureTranslate } from '../../shell/i18n';
import { enNotifications } from './messages.en';
import { viNotifications } from './messages.vi';

/** This feature's text in the current language, loaded with its chunk (not in the shell's dictionary). */
export function useNotificationsT(): FeatureTranslate<keyof typeof viNotifications> {
  return useFeatureT(viNotifications, enNotifications);
}
