import type { Unit } from '../../contracts/units';
import { apiGet, query } from '../api/client';
import { useApi } from '../api/use-api';
import { todayInVietnam } from './format';

/** The units valid today (province and communes), to show a unit code with its name. */
export function useCurrentUnits() {
  const date = todayInVietnam();
  const units = useApi(
    (signal) => apiGet<{ items: Unit[] }>(`/api/v1/units${query({ asOf: date })}`, { signal }),
    [date],
  );
  const byCode = new Map((units.data?.items ?? []).map((u) => [u.code, u]));
  return {
    units: units.data?.items ?? [],
    loading: units.loading,
    error: units.error,
    /** "Phường Đoàn Kết (03388)", or the bare code while loading / when unknown. */
    nameOf: (code: string | null) => {
      if (!code) return '';
      const unit = byCode.get(code);
      return unit ? `${unit.fullName} (${code})` : code;
    },
  };
}
