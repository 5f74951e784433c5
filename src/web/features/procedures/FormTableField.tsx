import type { ColumnMeta, FieldMeta, FieldSource } from '../../../contracts/procedures';
import { useI18n } from '../../shell/i18n';
import { SourceBadge } from './FormFieldControl';
import { FormField } from './FormField';
import { isoToDayText, newRowKey, ROW_KEY, toFormRow, type PropertySchema } from './procedure-form-values';
import '../../components/choice-card.css';
import './member-choices.css';

type Row = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Is this form row the offered (registry) row? By ID number, else by name and birth date. */
function sameMember(row: Row | undefined, offered: Row): boolean {
  if (!row) return false;
  if (offered.nationalId !== undefined) return row.nationalId === offered.nationalId;
  return row.fullName === offered.fullName && row.birthDate === isoToDayText(text(offered.birthDate));
}

/** "Con · 01/06/2015": an offered member's relation and birth date, from the table's own columns. */
function memberFacts(columns: readonly ColumnMeta[], row: Row, pick: (vi: string, en: string) => string): string {
  return columns
    .filter((c) => c.key !== 'fullName' && c.key !== 'nationalId' && row[c.key] !== undefined)
    .map((c) => {
      const v = row[c.key];
      const option = c.options?.find((o) => o.value === v);
      if (option) return pick(option.labelVi, option.labelEn);
      if (c.widget === 'date' && typeof v === 'string') return isoToDayText(v);
      return String(v);
    })
    .join(' · ');
}

/**
 * Did this row come from the registry (its locked columns read-only)? A chosen household member,
 * or, in a prefilled table without choices, one of the rows it started with (keys 0…n-1).
 */
export function rowFromRegistry(
  row: Row,
  choices: readonly Row[] | undefined,
  source: FieldSource | undefined,
  prefilledRows: number,
): boolean {
  if (choices) return choices.some((c) => sameMember(row, c));
  return source !== undefined && source !== 'typed' && Number(row[ROW_KEY]) < prefilledRows;
}

interface Props {
  name: string;
  meta: FieldMeta;
  schema: PropertySchema;
  source: FieldSource | undefined;
  /** May the citizen remove rows and add rows at all (false = the whole table is locked). */
  editable: boolean;
  /** Rows that came from the registry: their keys are 0..n-1. */
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
  rows: Row[];
  onRowsChange: (rows: Row[]) => void;
  /** The problem shown at a place of the form ("members", "members.0.fullName"), if any. */
  problemAt: (path: string) => string | undefined;
}

/**
 * An array-of-objects field (household members, guests) as one card per row — readable on a phone,
 * a grid of columns on a wide screen. In a row from the registry, locked columns are read-only;
 * the citizen may remove rows and, where the form allows, add new ones.
 */
export function FormTableField(props: Props) {
  const { name, meta, schema, source, editable, prefilledRows, disabled, showTitle = true, hint, choices } = props;
  const { rows, onRowsChange, problemAt } = props;
  const { t, pick } = useI18n();
  const chosenCount = choices ? choices.filter((c) => rows.some((r) => sameMember(r, c))).length : 0;
  const label = pick(meta.labelVi, meta.labelEn);
  const columns = meta.columns ?? [];
  const itemSchema = schema.items?.properties ?? {};
  const required = new Set(schema.items?.required ?? []);
  const canAdd = editable && (meta.allowNewRows ?? source === 'typed');
  const remove = (index: number) => onRowsChange(rows.filter((_, i) => i !== index));
  const problem = problemAt(name);
  return (
    <div className="table-field" id={name} tabIndex={-1}>
      {showTitle ? (
        <h3 className="procedures-subheading">
          {label} <SourceBadge source={source} />
        </h3>
      ) : (
        <SourceBadge source={source} />
      )}
      {hint && !choices && <p className="muted">{hint}</p>}
      {choices && (
        <fieldset className="member-choices">
          <legend>{t('procform.choices.legend')}</legend>
          <p className="muted">{choices.length ? t('procform.choices.hint') : t('procform.choices.none')}</p>
          {choices.map((offered, i) => {
            const at = rows.findIndex((r) => sameMember(r, offered));
            return (
              <label key={text(offered.nationalId) || String(i)} className="member-choice choice-card">
                <input
                  type="checkbox"
                  checked={at >= 0}
                  disabled={disabled || !editable}
                  onChange={(e) =>
                    onRowsChange(
                      e.target.checked ? [...rows, toFormRow(columns, offered)] : rows.filter((_, j) => j !== at),
                    )
                  }
                />
                <span>
                  <span className="choice-card-name">{text(offered.fullName)}</span>
                  <span className="choice-card-note">{memberFacts(columns, offered, pick)}</span>
                </span>
              </label>
            );
          })}
          {chosenCount > 0 && <p className="member-choice-count">{t('procform.choices.count', { n: chosenCount })}</p>}
        </fieldset>
      )}
      {rows.length === 0 && !choices && <p className="muted">{t('procform.table.empty')}</p>}
      {rows.map((row, index) => {
        const key = Number(row[ROW_KEY]);
        const chosen = choices?.find((c) => sameMember(row, c));
        const fromRegistry = rowFromRegistry(row, choices, source, prefilledRows);
        const title = chosen ? text(chosen.fullName) : t('procform.table.row', { n: index + 1 });
        return (
          <section key={key} className="plain-card table-row-card" aria-label={title}>
            <div className="table-row-head">
              <h4 className="table-row-title">{title}</h4>
              {editable && !disabled && (
                <button
                  type="button"
                  className="btn btn-text btn-danger"
                  onClick={() => remove(index)}
                  aria-label={t('procform.table.removeRow', { n: index + 1 })}
                >
                  {t('procform.table.remove')}
                </button>
              )}
            </div>
            <div className="table-row-grid">
              {columns.map((c) => {
                const locked = !editable || (fromRegistry && !c.editable);
                // A chosen member's locked facts are in the card's title and the choice: only what they may change shows.
                if (chosen !== undefined && locked) return null;
                const path = `${name}.${index}.${c.key}`;
                return (
                  <FormField
                    key={c.key}
                    id={`${name}_${index}_${c.key}`}
                    meta={c}
                    schema={itemSchema[c.key] ?? {}}
                    label={pick(c.labelVi, c.labelEn)}
                    required={required.has(c.key)}
                    locked={locked}
                    disabled={disabled}
                    value={row[c.key]}
                    onChange={(v) => onRowsChange(rows.map((r, i) => (i === index ? { ...r, [c.key]: v } : r)))}
                    problem={problemAt(path)}
                  />
                );
              })}
            </div>
          </section>
        );
      })}
      {canAdd && !disabled && (schema.maxItems === undefined || rows.length < schema.maxItems) && (
        <button
          type="button"
          className="btn btn-lg btn-block add-row-button"
          onClick={() => onRowsChange([...rows, { [ROW_KEY]: newRowKey() }])}
        >
          {t('procform.table.add')}
        </button>
      )}
      {problem && (
        <div className="plain-field-error" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}
