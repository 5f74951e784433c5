import { Select } from 'antd';
import type { UnitWithFormerNames } from '../../contracts/units';
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
  /** The placeholder: "optional" (a filter, default) or "required" (a form answer). */
  purpose?: 'filter' | 'answer';
  disabled?: boolean;
  size?: 'large' | 'middle';
  'aria-label'?: string;
}

/**
 * A searchable list of the communes valid on a date, each with the names of the units merged
 * into it in 2025 ("trước đây: …"): typing without diacritics, or an old name, finds it.
 */
export function CommuneSelect({ id, value, onChange, asOf, purpose = 'filter', disabled, size, ...aria }: Props) {
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
  return (
    <Select
      id={id}
      value={value}
      size={size}
      disabled={disabled}
      aria-label={aria['aria-label']}
      onChange={(v: string | undefined) => onChange?.(v)}
      allowClear
      showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldVietnamese(input)) }}
      loading={communes.loading}
      placeholder={
        communes.error
          ? t('communeSelect.error')
          : t(purpose === 'answer' ? 'communeSelect.choose' : 'communeSelect.placeholder')
      }
      options={options}
      optionRender={(option) => (
        <div className="commune-option">
          <div>{option.data.label}</div>
          {option.data.former && <div className="commune-option-former">{option.data.former}</div>}
        </div>
      )}
      notFoundContent={t('communeSelect.none')}
    />
  );
}
