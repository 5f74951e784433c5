import { useFeatureT, type FeatureTranslate } from '../../shell/i18n';
import { enDocuments } from './messages.en';
import { viDocuments } from './messages.vi';

/** This feature's text in the current language, loaded with its chunk (not in the shell's dictionary). */
export function useDocumentsT(): FeatureTranslate<keyof typeof viDocuments> {
  return useFeatureT(viDocuments, enDocuments);
}
