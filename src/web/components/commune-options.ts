import type { UnitWithFormerNames } from '../../contracts/units';
import { apiGet, query } from '../api/client';
import { useApi } from '../api/use-api';
import { useI18n } from '../shell/i18n';
import { todayInVietnam } from './format';
import { foldVietnamese } from './vietnamese';

/** A commune as the pickers offer it: its code, name, former names and the folded text a search matches. */
export interface CommuneOption {
  value: string;
  label: string;
  /** "Trước 1/7/2025: …" — the units merged into it in 2025, or null. */
  former: string | null;
  /** Name, code and former names without diacritics, lower case (foldVietnamese). */
  search: string;
}

/** The communes valid on `asOf` (default today) as options, sorted by name, with the request's state. */
export function useCommuneOptions(asOf?: string): { options: CommuneOption[]; loading: boolean; failed: boolean } {
  const { t } = useI18n();
  const date = asOf ?? todayInVietnam();
  const communes = useApi(
    (signal) =>
      apiGet<{ items: UnitWithFormerNames[] }>(
        `/api/v1/units${query({ asOf: date, level: 'commune', withFormerNames: 'true' })}`,
        { signal },
      ),
    [date],
  );
  const options = (communes.data?.items ?? [])
    .map((u) => {
      const former = u.formerNames ?? [];
      return {
        value: u.code,
        label: u.fullName,
        former: former.length ? t('communeSelect.former', { names: former.join(', ') }) : null,
        search: foldVietnamese(`${u.fullName} ${u.code} ${former.join(' ')}`),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return { options, loading: communes.loading, failed: !!communes.error };
}
