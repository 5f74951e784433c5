import { Select } from 'antd';
import { useI18n } from '../shell/i18n';
import { useCommuneOptions } from './commune-options';
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
  const communes = useCommuneOptions(asOf);
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
        communes.failed
          ? t('communeSelect.error')
          : t(purpose === 'answer' ? 'communeSelect.choose' : 'communeSelect.placeholder')
      }
      options={communes.options}
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
