import { Input, Select } from 'antd';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { foldVietnamese } from '../../components/vietnamese';
import { fetchProcedures } from './counter-api';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/**
 * Picks a procedure from the catalog in force (search by name or code, diacritics optional);
 * when the catalog cannot be loaded, the officer types the national code instead.
 */
export function ProcedurePicker({ id, value, onChange }: Props) {
  const { t, pick } = useI18n();
  const catalog = useApi((signal) => fetchProcedures({ signal }), []);
  if (catalog.error) {
    return (
      <>
        <Input
          id={id}
          value={value ?? ''}
          onChange={(e) => onChange?.(e.target.value.trim() || null)}
          placeholder="1.004194"
          autoComplete="off"
          allowClear
        />
        <div className="counter-hint">{t('counter.procedureCatalogMissing')}</div>
      </>
    );
  }
  const options = (catalog.data?.items ?? []).map((p) => {
    const name = pick(p.nameVi, p.nameEn);
    return { value: p.code, label: `${name} (${p.code})`, search: foldVietnamese(`${p.nameVi} ${p.nameEn} ${p.code}`) };
  });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldVietnamese(input)) }}
      loading={catalog.loading}
      placeholder={t('counter.procedurePlaceholder')}
      options={options}
      notFoundContent={t('counter.procedureNotFound')}
    />
  );
}
