import { useFeatureT, type FeatureTranslate } from '../../shell/i18n';
import { enRatings } from './messages.en';
import { viRatings } from './messages.vi';

/** This feature's text in the current language, loaded with its chunk (not in the shell's dictionary). */
export function useRatingsT(): FeatureTranslate<keyof typeof viRatings> {
  return useFeatureT(viRatings, enRatings);
}
