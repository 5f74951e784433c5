import { Descriptions, Grid, Table } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { FieldMeta, ProcedureForm } from '../../../contracts/procedures';
import { useI18n } from '../../shell/i18n';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { orderedFields, valueText } from './form-values';
import { useCurrentUnits } from '../../components/unit-names';

interface Props {
  form: ProcedureForm | undefined;
  values: Record<string, unknown>;
  /** Where prefilled values came from (field → source), as recorded at submission. */
  sources: Record<string, string>;
}

function fromRegistry(source: string | undefined): boolean {
  return !!source && source !== 'typed';
}

function TableValue({ meta, rows }: { meta: FieldMeta; rows: unknown[] }) {
  const { t, pick } = useI18n();
  const yesNo = { yes: t('dossier.form.yes'), no: t('dossier.form.no') };
  const columns = (meta.columns ?? []).map((c) => ({
    key: c.key,
    title: pick(c.labelVi, c.labelEn),
    render: (_: unknown, row: Record<string, unknown>) => valueText(c, row[c.key], pick, yesNo),
  }));
  return (
    <Table<Record<string, unknown>>
      size="small"
      pagination={false}
      columns={columns}
      dataSource={rows
        .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
        .map((r, i) => ({ ...r, __key: i }))}
      rowKey="__key"
    />
  );
}

/** The submitted form, read-only: one block per section, a badge on values taken from the population database. */
export function FormDataView({ form, values, sources }: Props) {
  const { t, pick } = useI18n();
  const units = useCurrentUnits();
  const layout = Grid.useBreakpoint().md === false ? 'vertical' : 'horizontal';
  const yesNo = { yes: t('dossier.form.yes'), no: t('dossier.form.no') };
  const label = (key: string) => {
    const meta = form?.fields[key];
    return meta ? pick(meta.labelVi, meta.labelEn) : key;
  };
  const item = (key: string): NonNullable<DescriptionsProps['items']>[number] => {
    const meta = form?.fields[key];
    const value = values[key];
    return {
      key,
      label: label(key),
      children: (
        <span className="form-value">
          {meta?.widget === 'commune' && typeof value === 'string'
            ? units.nameOf(value)
            : valueText(meta, value, pick, yesNo)}
          {fromRegistry(sources[key]) && (
            <StatusTag kind="info" className="source-badge">
              {t('dossier.form.fromRegistry')}
            </StatusTag>
          )}
        </span>
      ),
    };
  };

  if (!form) {
    return (
      <Descriptions
        bordered
        size="small"
        column={1}
        layout={layout}
        items={orderedFields(undefined, values).map(item)}
      />
    );
  }
  const isTable = (key: string) => form.fields[key]?.widget === 'table' && Array.isArray(values[key]);
  // Tables (household members) go under the section's other fields, full width, scrolling sideways on phones.
  const tableBlock = (key: string) => (
    <div key={key} className="form-table">
      <div className="form-table-label">
        {label(key)}
        {fromRegistry(sources[key]) && (
          <StatusTag kind="info" className="source-badge">
            {t('dossier.form.fromRegistry')}
          </StatusTag>
        )}
      </div>
      <ScrollRegion label={label(key)} wide>
        <TableValue meta={form.fields[key]!} rows={values[key] as unknown[]} />
      </ScrollRegion>
    </div>
  );
  const listed = new Set(form.sections.flatMap((s) => s.fields));
  const rest = Object.keys(values).filter((k) => !listed.has(k));
  return (
    <div className="form-data">
      {form.sections.map((section) => {
        const keys = section.fields.filter((k) => values[k] !== undefined);
        if (keys.length === 0) return null;
        const scalars = keys.filter((k) => !isTable(k));
        const title = pick(section.titleVi, section.titleEn);
        return (
          <div key={section.key} className="form-data-section">
            {scalars.length > 0 ? (
              <Descriptions title={title} bordered size="small" column={1} layout={layout} items={scalars.map(item)} />
            ) : (
              <div className="form-section-title">{title}</div>
            )}
            {keys.filter(isTable).map(tableBlock)}
          </div>
        );
      })}
      {rest.length > 0 && (
        <Descriptions
          bordered
          size="small"
          column={1}
          layout={layout}
          items={rest.map(item)}
          className="form-data-section"
        />
      )}
    </div>
  );
}
