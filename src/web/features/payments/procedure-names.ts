import { useCallback } from 'react';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { fetchCatalog } from '../procedures';

/**
 * A payment keeps its procedure's Vietnamese name (the name printed on the receipt). On an English
 * page the procedure is named in English, from the catalog (loaded once, only in English); a code
 * the catalog no longer lists keeps its Vietnamese name.
 */
export function useProcedureName(): (code: string, nameVi: string) => string {
  const { lang } = useI18n();
  const catalog = useApi(lang === 'en' ? (signal) => fetchCatalog({}, { signal }) : null, [lang]);
  const items = catalog.data?.items;
  return useCallback(
    (code, nameVi) => (lang === 'en' ? (items?.find((p) => p.code === code)?.nameEn ?? nameVi) : nameVi),
    [lang, items],
  );
}
