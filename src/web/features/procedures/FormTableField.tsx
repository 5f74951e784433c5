import { Button, Card, Form, Typography } from 'antd';
import type { FieldMeta, FieldSource } from '../../../contracts/procedures';
import { useI18n } from '../../shell/i18n';
import { fieldControl, fieldRules, SourceBadge } from './FormFieldControl';
import type { PropertySchema } from './procedure-form-values';

interface Props {
  name: string;
  meta: FieldMeta;
  schema: PropertySchema;
  source: FieldSource | undefined;
  /** May the citizen remove rows and add rows at all (false = the whole table is locked). */
  editable: boolean;
  /** Rows that came from the registry: antd keeps their list keys 0..n-1. */
  prefilledRows: number;
  disabled: boolean;
  /** Show the field's own title (false when the section title already names it). */
  showTitle?: boolean;
  /** The hint shown under the title, if any (the form decides which hints apply). */
  hint?: string;
}

/**
 * An array-of-objects field (household members, guests) as one card per row — readable on a phone,
 * a grid of columns on a wide screen. In a row from the registry, locked columns are read-only;
 * the citizen may remove rows and, where the form allows, add new ones.
 */
export function FormTableField({
  name,
  meta,
  schema,
  source,
  editable,
  prefilledRows,
  disabled,
  showTitle = true,
  hint,
}: Props) {
  const { t, pick } = useI18n();
  const label = pick(meta.labelVi, meta.labelEn);
  const columns = meta.columns ?? [];
  const itemSchema = schema.items?.properties ?? {};
  const required = new Set(schema.items?.required ?? []);
  const canAdd = editable && (meta.allowNewRows ?? source === 'typed');
  return (
    <div className="table-field">
      {showTitle ? (
        <Typography.Title level={3} className="procedures-subheading">
          {label} <SourceBadge source={source} />
        </Typography.Title>
      ) : (
        <SourceBadge source={source} />
      )}
      {hint && <p className="muted">{hint}</p>}
      <Form.List
        name={name}
        rules={
          schema.minItems
            ? [
                {
                  validator: async (_rule, value: unknown[] | undefined) => {
                    if ((value?.length ?? 0) < (schema.minItems ?? 0))
                      throw new Error(t('procform.table.minRows', { label, n: schema.minItems ?? 0 }));
                  },
                },
              ]
            : undefined
        }
      >
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.length === 0 && <p className="muted">{t('procform.table.empty')}</p>}
            {rows.map((row, index) => {
              const fromRegistry = source !== 'typed' && row.key < prefilledRows;
              return (
                <Card
                  key={row.key}
                  size="small"
                  className="table-row-card"
                  title={t('procform.table.row', { n: index + 1 })}
                  extra={
                    editable && !disabled ? (
                      <Button
                        danger
                        type="link"
                        size="large"
                        onClick={() => remove(row.name)}
                        aria-label={t('procform.table.removeRow', { n: index + 1 })}
                      >
                        {t('procform.table.remove')}
                      </Button>
                    ) : null
                  }
                >
                  <div className="table-row-grid">
                    {columns.map((c) => {
                      const locked = !editable || (fromRegistry && !c.editable);
                      const colLabel = pick(c.labelVi, c.labelEn);
                      const colSchema = itemSchema[c.key] ?? {};
                      return (
                        <Form.Item
                          key={c.key}
                          name={[row.name, c.key]}
                          label={colLabel}
                          valuePropName={c.widget === 'checkbox' ? 'checked' : 'value'}
                          rules={locked ? [] : fieldRules(c, colSchema, required.has(c.key), t, colLabel)}
                        >
                          {fieldControl(c, colSchema, locked, disabled, colLabel)}
                        </Form.Item>
                      );
                    })}
                  </div>
                </Card>
              );
            })}
            {canAdd && !disabled && (schema.maxItems === undefined || rows.length < schema.maxItems) && (
              <Button size="large" block onClick={() => add({})} className="add-row-button">
                {t('procform.table.add')}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </div>
  );
}
