import { useI18n } from '../../shell/i18n';
import { useApi } from '../../api/use-api';
import { fetchTypes, type DatasetType } from './sector-api';

/** The dataset types the session's sectors cover (GET /types), with each one's name in the current language. */
export function useDatasetTypes() {
  const { pick } = useI18n();
  const types = useApi((signal) => fetchTypes({ signal }), []);
  const items: DatasetType[] = types.data?.items ?? [];
  return {
    ...types,
    items,
    nameOf: (code: string) => {
      const type = items.find((x) => x.code === code);
      return type ? pick(type.nameVi, type.nameEn) : code;
    },
  };
}
