import { Link } from 'react-router';
import { Card, Descriptions, Empty, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PersonDetail } from '../../../contracts/population';
import { useT } from '../../shell/i18n';
import { formatDate, todayInVietnam } from '../../components/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { relationLabel, residenceKindLabel, sexLabel } from '../../components/person-labels';
import './population.css';

type Residence = PersonDetail['residences'][number];
type Household = NonNullable<PersonDetail['household']>;
type Member = Household['members'][number];

/** Residence history, newest first; the open rows are the current residences. */
export function ResidencesCard({ residences }: { residences: Residence[] }) {
  const t = useT();
  const today = todayInVietnam();
  const rows = [...residences].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const columns: TableColumnsType<Residence> = [
    {
      title: t('person.residence.kind'),
      dataIndex: 'kind',
      render: (kind: string, r) => (
        <>
          {residenceKindLabel(t, kind)}{' '}
          {(!r.validTo || r.validTo >= today) && r.validFrom <= today && (
            <Tag color="blue">{t('person.residence.current')}</Tag>
          )}
        </>
      ),
    },
    { title: t('person.residence.address'), dataIndex: 'addressLine' },
    {
      title: t('person.residence.unit'),
      dataIndex: 'unitName',
      responsive: ['md'],
      render: (v: string | null, r) => v ?? r.unitCode,
    },
    { title: t('person.residence.from'), dataIndex: 'validFrom', render: (v: string) => formatDate(v) },
    {
      title: t('person.residence.to'),
      dataIndex: 'validTo',
      render: (v: string | null) => (v ? formatDate(v) : t('person.residence.now')),
    },
    {
      title: t('person.residence.dossier'),
      dataIndex: 'dossierCode',
      responsive: ['md'],
      render: (code: string | null | undefined) =>
        code ? <DossierLink code={code} /> : t('person.residence.national'),
    },
  ];
  return (
    <Card title={t('person.section.residences')} className="section-card">
      <ScrollRegion label={t('person.section.residences')} wide>
        <Table<Residence>
          rowKey={(r) => `${r.kind}-${r.unitCode}-${r.validFrom}`}
          columns={columns}
          dataSource={rows}
          pagination={false}
          size="small"
          locale={{ emptyText: t('person.residence.none') }}
        />
      </ScrollRegion>
    </Card>
  );
}

/** A dossier's code, linked to the workqueue filtered on it (the officer sees it if it is of their units). */
function DossierLink({ code }: { code: string }) {
  return (
    <Link to={`/dossiers?queue=all&code=${encodeURIComponent(code)}`} className="tabular">
      {code}
    </Link>
  );
}

const CHANGE_KINDS = [
  'permanent_residence',
  'temporary_residence',
  'temporary_extension',
  'residence_ended',
  'temporary_absence',
  'household_split',
  'residence_data_adjusted',
  'birth_registered',
  'death_registered',
  'marriage_registered',
  'person_data_corrected',
] as const;

/** The name of a kind of change (a kind this page does not know yet is shown by its code). */
function changeName(t: ReturnType<typeof useT>, kind: string): string {
  const known = CHANGE_KINDS.find((k) => k === kind);
  return known ? t(`person.change.${known}`) : kind;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** What changed, in a few words: the ground, the absence period, the relation or the address before and after. */
function changeDetail(t: ReturnType<typeof useT>, c: PersonDetail['changes'][number]): string | null {
  const { before, after } = c;
  if (c.kind === 'residence_ended') return str(after.ground) || null;
  if (c.kind === 'temporary_absence' && after.absence && typeof after.absence === 'object') {
    const a = after.absence as Record<string, unknown>;
    return t('person.change.detail.absence', {
      from: formatDate(str(a.from)),
      until: formatDate(str(a.until)),
      destination: str(a.destination),
    });
  }
  if (c.kind === 'household_split')
    return t('person.change.detail.split', { after: relationLabel(t, str(after.relationToHead)) });
  if (c.kind === 'residence_data_adjusted' && 'addressLine' in after)
    return t('person.change.detail.address', { before: str(before.addressLine), after: str(after.addressLine) });
  if (c.kind === 'person_data_corrected') return correctionDetail(t, before, after);
  if (c.kind === 'residence_data_adjusted')
    return t('person.change.detail.relation', {
      before: relationLabel(t, str(before.relationToHead)),
      after: relationLabel(t, str(after.relationToHead)),
    });
  return null;
}

/** A correction accepted by the commune police: the field, its value before and after. */
function correctionDetail(
  t: ReturnType<typeof useT>,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string | null {
  const show = (field: string, v: unknown): string =>
    field === 'birthDate' ? formatDate(str(v)) : field === 'sex' ? sexLabel(t, str(v)) : str(v);
  for (const field of ['fullName', 'birthDate', 'sex'] as const)
    if (field in after)
      return t('person.change.detail.corrected', {
        field: t(`person.change.field.${field}`),
        before: show(field, before[field]),
        after: show(field, after[field]),
      });
  return null;
}

/** What decisions on dossiers changed in the record, newest first: date, what, the dossier. */
export function ChangesCard({ changes }: { changes: PersonDetail['changes'] }) {
  const t = useT();
  if (changes.length === 0) return null;
  return (
    <Card title={t('person.section.changes')} className="section-card">
      <ul className="registry-changes">
        {changes.map((c, i) => (
          <li key={i}>
            <span className="tabular">{formatDate(c.effectiveOn)}</span> — {changeName(t, c.kind)}
            {changeDetail(t, c) ? ` (${changeDetail(t, c)})` : ''} —{' '}
            {c.kind === 'person_data_corrected' ? (
              // A change request's reference (YCDC-…), not a dossier's.
              <span className="tabular">{c.dossierCode}</span>
            ) : (
              <DossierLink code={c.dossierCode} />
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The household: address, this person's relation to the head, and the members with links. */
export function HouseholdCard({ household, personId }: { household: PersonDetail['household']; personId: string }) {
  const t = useT();
  if (!household) {
    return (
      <Card title={t('person.section.household')} className="section-card">
        <Empty description={t('person.household.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      </Card>
    );
  }
  const columns: TableColumnsType<Member> = [
    {
      title: t('person.fullName'),
      dataIndex: 'fullName',
      render: (name: string, m) =>
        m.id === personId ? (
          <strong>
            {name} ({t('person.household.thisPerson')})
          </strong>
        ) : (
          <Link to={`/population/persons/${m.id}`}>{name}</Link>
        ),
    },
    {
      title: t('person.household.relation'),
      dataIndex: 'relationToHead',
      render: (v: string | null) => relationLabel(t, v),
    },
    { title: t('person.birthYear'), dataIndex: 'birthYear' },
  ];
  return (
    <Card title={t('person.section.household')} className="section-card">
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        className="household-summary"
        items={[
          { key: 'address', label: t('person.household.address'), children: household.addressLine },
          {
            key: 'relation',
            label: t('person.household.relationOfPerson'),
            children: relationLabel(t, household.relationToHead),
          },
        ]}
      />
      <ScrollRegion label={t('person.section.household')} wide>
        <Table<Member> rowKey="id" columns={columns} dataSource={household.members} pagination={false} size="small" />
      </ScrollRegion>
    </Card>
  );
}
