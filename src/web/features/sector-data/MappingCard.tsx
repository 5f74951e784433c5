import { useState } from 'react';
import { Alert, Button, Card, Col, Input, Row, Select, Space } from 'antd';
import type { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../shell/i18n';
import type { DatasetType } from './sector-api';
import { missingRequired } from './sector-labels';
import { useSectorT } from './use-sector-text';

interface Props {
  type: DatasetType;
  /** The file's columns, as the server's refusal named them. */
  columns: string[];
  value: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
  error: ApiError | undefined;
  busy: boolean;
  onBack: () => void;
  /** Import again with the mapping; `saveAs`: also save it under this name. */
  onSubmit: (saveAs: string | undefined) => void;
}

/** The columns by hand: one list of the file's columns per field of the type (required ones marked). */
export function MappingCard({ type, columns, value, onChange, error, busy, onBack, onSubmit }: Props) {
  const t = useSectorT();
  const { pick } = useI18n();
  const [saveAs, setSaveAs] = useState('');
  const missing = missingRequired(type.fields, value);
  const set = (key: string, column: string | undefined) => {
    const next = { ...value };
    if (column) next[key] = column;
    else delete next[key];
    onChange(next);
  };
  return (
    <Card className="section-card" title={t('sector.import.columnsTitle')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('sector.import.columnsHint')} />
        {error && <ErrorAlert error={error} />}
        <span className="sector-muted">
          {t('sector.import.columnsFound', { list: columns.map((c) => `"${c}"`).join(', ') })}
        </span>
        <Row gutter={[16, 12]}>
          {type.fields.map((field) => {
            const id = `sector-map-${field.key}`;
            const label = pick(field.labelVi, field.labelEn);
            return (
              <Col xs={24} md={12} xl={8} key={field.key}>
                <label className="sector-field" htmlFor={id}>
                  <span className="field-label">
                    {label}
                    {field.required ? ' *' : ''}
                  </span>
                </label>
                <Select<string>
                  id={id}
                  value={value[field.key] ?? ''}
                  style={{ width: '100%' }}
                  status={field.required && !value[field.key] ? 'error' : undefined}
                  onChange={(v) => set(field.key, v || undefined)}
                  options={[
                    { value: '', label: t('sector.import.columnNone') },
                    ...columns.map((c) => ({ value: c, label: c })),
                  ]}
                />
              </Col>
            );
          })}
        </Row>
        {missing.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={missing
              .map((f) => t('sector.import.columnRequired', { field: pick(f.labelVi, f.labelEn) }))
              .join('; ')}
          />
        )}
        <label className="sector-field" htmlFor="sector-save-as">
          <span className="field-label">{t('sector.import.saveAs')}</span>
        </label>
        <Input
          id="sector-save-as"
          value={saveAs}
          maxLength={100}
          placeholder={t('sector.import.saveAsPlaceholder')}
          onChange={(e) => setSaveAs(e.target.value)}
        />
        <Space wrap>
          <Button onClick={onBack}>{t('sector.import.another')}</Button>
          <Button
            type="primary"
            loading={busy}
            disabled={missing.length > 0}
            onClick={() => onSubmit(saveAs.trim() || undefined)}
          >
            {t('sector.import.retry')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
