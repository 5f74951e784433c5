import { Select } from 'antd';
import type { Unit } from '../../contracts/units';
import { apiGet, query } from '../api/client';
import { useApi } from '../api/use-api';
import { useI18n } from '../shell/i18n';
import { todayInVietnam } from './format';
import { foldVietnamese } from './vietnamese';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Date the commune list is valid on (default: today). */
  asOf?: string;
}

/** A searchable list of the communes valid on a date; typing without diacritics works. */
export function CommuneSelect({ id, value, onChange, asOf }: Props) {
  const { t } = useI18n();
  const date = asOf ?? todayInVietnam();
  const communes = useApi(
    (signal) => apiGet<{ items: Unit[] }>(`/api/v1/units${query({ asOf: date, level: 'commune' })}`, { signal }),
    [date],
  );
  const options = (communes.data?.items ?? [])
    .map((u) => ({ value: u.code, label: u.fullName, search: foldVietnamese(`${u.fullName} ${u.code}`) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      allowClear
      showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldVietnamese(input)) }}
      loading={communes.loading}
      placeholder={communes.error ? t('communeSelect.error') : t('communeSelect.placeholder')}
      options={options}
      notFoundContent={t('communeSelect.none')}
    />
  );
}
