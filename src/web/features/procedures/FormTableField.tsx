import { Button, Card, Checkbox, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ColumnMeta, FieldMeta, FieldSource } from '../../../contracts/procedures';
import { useI18n } from '../../shell/i18n';
import { fieldControl, fieldRules, SourceBadge } from './FormFieldControl';
import { toFormRow, type PropertySchema } from './procedure-form-values';
import '../../components/choice-card.css';
import './member-choices.css';

type Row = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Is this form row the offered (registry) row? By ID number, else by name and birth date. */
function sameMember(row: Row | undefined, offered: Row): boolean {
  if (!row) return false;
  if (offered.nationalId !== undefined) return row.nationalId === offered.nationalId;
  const day = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v);
  return row.fullName === offered.fullName && day(row.birthDate) === day(offered.birthDate);
}

/** "Con · 01/06/2015": an offered member's relation and birth date, from the table's own columns. */
function memberFacts(columns: readonly ColumnMeta[], row: Row, pick: (vi: string, en: string) => string): string {
  return columns
    .filter((c) => c.key !== 'fullName' && c.key !== 'nationalId' && row[c.key] !== undefined)
    .map((c) => {
      const v = row[c.key];
      const option = c.options?.find((o) => o.value === v);
      if (option) return pick(option.labelVi, option.labelEn);
      if (c.widget === 'date' && typeof v === 'string') return dayjs(v).format('DD/MM/YYYY');
      return String(v);
    })
    .join(' · ');
}

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
  /**
   * Registry rows offered as choices (the household's other members), none chosen at first: one
   * tap each adds or removes the person (issue 14 §2). Absent: a plain table.
   */
  choices?: readonly Row[];
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
  choices,
}: Props) {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance();
  const current = (Form.useWatch(name, form) as Row[] | undefined) ?? [];
  const chosenCount = choices ? choices.filter((c) => current.some((r) => sameMember(r, c))).length : 0;
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
      {hint && !choices && <p className="muted">{hint}</p>}
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
            {choices && (
              <fieldset className="member-choices">
                <legend>{t('procform.choices.legend')}</legend>
                <p className="muted">{choices.length ? t('procform.choices.hint') : t('procform.choices.none')}</p>
                {choices.map((offered, i) => {
                  const at = current.findIndex((r) => sameMember(r, offered));
                  return (
                    <Checkbox
                      key={text(offered.nationalId) || String(i)}
                      checked={at >= 0}
                      disabled={disabled || !editable}
                      className="member-choice choice-card"
                      onChange={(e) => (e.target.checked ? add(toFormRow(columns, offered)) : remove(at))}
                    >
                      <span className="choice-card-name">{text(offered.fullName)}</span>
                      <span className="choice-card-note">{memberFacts(columns, offered, pick)}</span>
                    </Checkbox>
                  );
                })}
                {chosenCount > 0 && (
                  <p className="member-choice-count">{t('procform.choices.count', { n: chosenCount })}</p>
                )}
              </fieldset>
            )}
            {rows.length === 0 && !choices && <p className="muted">{t('procform.table.empty')}</p>}
            {rows.map((row, index) => {
              const chosen = choices?.find((c) => sameMember(current[index], c));
              const fromRegistry = choices ? chosen !== undefined : source !== 'typed' && row.key < prefilledRows;
              return (
                <Card
                  key={row.key}
                  size="small"
                  className="table-row-card"
                  title={chosen ? text(chosen.fullName) : t('procform.table.row', { n: index + 1 })}
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
                          // A chosen member's locked facts are in the card's title and the choice: only what they may change shows.
                          hidden={chosen !== undefined && locked}
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
