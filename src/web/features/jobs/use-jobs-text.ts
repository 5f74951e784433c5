import { useI18n } from '../../shell/i18n';
import { enJobs } from './messages.en';
import { viJobs } from './messages.vi';

export type JobsKey = keyof typeof viJobs;

/** The job queue page's text in the current language, loaded with its chunk (as the pilot pages do). */
export function useJobsT(): (key: JobsKey, params?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  const dict = lang === 'en' ? enJobs : viJobs;
  return (key, params) => {
    const text = dict[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}
