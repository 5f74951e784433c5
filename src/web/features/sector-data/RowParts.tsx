import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../shell/i18n';
import type { LinkedPerson, LinkedRow } from './sector-api';
import {
  differingColumns,
  differingPersonFields,
  isLinkField,
  levelKey,
  linkFieldKey,
  outcomeKey,
  outcomeKind,
  personBirth,
  type PersonField,
} from './sector-labels';
import { useSectorT, type SectorKey } from './use-sector-text';

/** A differing value is marked (bold on a light yellow ground: the HTML mark element) so the eye finds it. */
function Value({ differs, children }: { differs: boolean; children: string }) {
  return differs ? <mark className="sector-diff">{children}</mark> : <span>{children}</span>;
}

/** The list's original cells under the header, the columns of differing fields marked. */
export function RowCells({
  header,
  mapping,
  row,
}: {
  header: string[];
  mapping: Record<string, string>;
  row: LinkedRow;
}) {
  const marked = differingColumns(header, mapping, row.disagreements);
  return (
    <dl className="sector-facts">
      {header.map((name, i) =>
        name.trim() === '' && !row.cells[i] ? null : (
          <div key={i} className="sector-fact">
            <dt>{name}</dt>
            <dd>
              <Value differs={marked.has(i)}>{row.cells[i] || '—'}</Value>
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}

const PERSON_FIELDS: Array<[PersonField | 'status', SectorKey]> = [
  ['fullName', 'sector.person.fullName'],
  ['birthDate', 'sector.person.birthDate'],
  ['sex', 'sector.person.sex'],
  ['nationalId', 'sector.person.nationalId'],
  ['unitCode', 'sector.person.unitCode'],
  ['status', 'sector.person.status'],
];

/** A registry person's fields, those the row differs in marked; `unitName` names a unit code (the page's units, asked for once). */
export function PersonFacts({
  person,
  disagreements,
  unitName,
}: {
  person: LinkedPerson;
  disagreements: string[];
  unitName: (code: string | null) => string;
}) {
  const t = useSectorT();
  const marked = differingPersonFields(disagreements);
  const text = (field: PersonField | 'status'): string => {
    switch (field) {
      case 'birthDate':
        return personBirth(person.birthDate, person.birthYear);
      case 'sex':
        return person.sex === 'male' || person.sex === 'female' ? t(`sector.sex.${person.sex}`) : person.sex;
      case 'unitCode':
        return unitName(person.unitCode) || '—';
      case 'status':
        return person.status === 'alive' || person.status === 'deceased'
          ? t(`sector.person.${person.status}`)
          : person.status;
      default:
        return person[field] ?? '—';
    }
  };
  return (
    <dl className="sector-facts">
      {PERSON_FIELDS.map(([field, key]) => (
        <div key={field} className="sector-fact">
          <dt>{t(key)}</dt>
          <dd>
            <Value differs={field !== 'status' && marked.has(field)}>{text(field)}</Value>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The outcome tag, the score and the differing fields of a row (or its errors, for an invalid one). */
export function OutcomeCell({ row }: { row: LinkedRow }) {
  const t = useSectorT();
  const { pick, lang } = useI18n();
  const differs = row.disagreements.filter(isLinkField).map((f) => t(linkFieldKey(f)));
  return (
    <div className="sector-outcome">
      <StatusTag kind={outcomeKind(row.outcome)}>{t(outcomeKey(row.outcome))}</StatusTag>
      {row.score !== null && (
        <span className="sector-muted">
          {t('sector.score', { score: row.score.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') })}
        </span>
      )}
      {differs.length > 0 && <span>{t('sector.differs', { list: differs.join(', ') })}</span>}
      {row.duplicateOfRow !== null && <span>{t('sector.duplicateOf', { row: row.duplicateOfRow })}</span>}
      {row.review && (
        <span className="sector-muted">
          {row.review.decision === 'accept'
            ? t('sector.reviewed.accept')
            : t('sector.reviewed.reject', { reason: row.review.reason ?? '—' })}
        </span>
      )}
      {row.errors.length > 0 && (
        <ul className="sector-errors" aria-label={t('sector.rowErrors')}>
          {row.errors.map((e, i) => (
            <li key={i}>{pick(e.vi, e.en)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The score's explanation: each field's agreement level and weight (`explanation.fields` of the link). */
export function ScoreExplanation({ explanation }: { explanation: unknown }) {
  const t = useSectorT();
  const fields = (explanation as { fields?: Array<{ field: string; level: string; weight: number }> } | null)?.fields;
  if (!Array.isArray(fields) || fields.length === 0) return null;
  return (
    <ul className="sector-why">
      {fields.map((f) => {
        const level = levelKey(f.level);
        return (
          <li key={f.field}>
            {isLinkField(f.field) ? t(linkFieldKey(f.field)) : f.field}: {level ? t(level) : f.level} (
            {f.weight > 0 ? '+' : ''}
            {f.weight})
          </li>
        );
      })}
    </ul>
  );
}
