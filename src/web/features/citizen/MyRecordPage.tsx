import { Link } from 'react-router';
import { Alert, Card, Descriptions, Empty, Skeleton, Space } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { PersonDetail } from '../../../contracts/population';
import { useApi } from '../../api/use-api';
import { useT } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EMPTY, formatDate, todayInVietnam } from '../../components/format';
import { eIdLevelLabel, relationLabel, residenceKindLabel, sexLabel } from '../../components/person-labels';
import { DocumentsCard } from '../documents';
import { fetchMyRecord } from './citizen-api';

type Residence = PersonDetail['residences'][number];

function isCurrent(r: Residence, today: string): boolean {
  return r.validFrom <= today && (!r.validTo || r.validTo >= today);
}

function RecordCards({ p }: { p: PersonDetail }) {
  const t = useT();
  const today = todayInVietnam();
  const current = p.residences.filter((r) => isCurrent(r, today));
  const identity: DescriptionsProps['items'] = [
    { key: 'name', label: t('person.fullName'), children: p.fullName },
    { key: 'nid', label: t('person.nationalId'), children: <span className="tabular">{p.nationalId ?? EMPTY}</span> },
    {
      key: 'birth',
      label: t('person.birthDate'),
      children: p.birthDate ? formatDate(p.birthDate) : String(p.birthYear),
    },
    { key: 'sex', label: t('person.sex'), children: sexLabel(t, p.sex) },
    { key: 'eid', label: t('person.eId.level'), children: eIdLevelLabel(t, p.eId.level) },
  ];
  return (
    <>
      <Card title={t('me.section.identity')} className="section-card">
        <Descriptions items={identity} column={1} bordered size="small" layout="vertical" />
        {p.eId.level < 2 && <Alert type="warning" showIcon className="me-level-note" title={t('me.levelNote')} />}
      </Card>
      <Card title={t('me.section.residence')} className="section-card">
        {current.length === 0 ? (
          <Empty description={t('person.residence.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <ul className="plain-list me-list">
            {current.map((r) => (
              <li key={`${r.kind}-${r.unitCode}-${r.validFrom}`}>
                <strong>{residenceKindLabel(t, r.kind)}</strong>
                <div>{r.addressLine}</div>
                {!(r.unitName && r.addressLine.includes(r.unitName)) && <div>{r.unitName ?? r.unitCode}</div>}
                <div className="me-muted">{t('me.since', { date: formatDate(r.validFrom) })}</div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('person.section.household')} className="section-card">
        {!p.household ? (
          <Empty description={t('person.household.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <>
            <Descriptions
              column={1}
              size="small"
              layout="vertical"
              items={[
                { key: 'address', label: t('person.household.address'), children: p.household.addressLine },
                { key: 'relation', label: t('me.myRelation'), children: relationLabel(t, p.household.relationToHead) },
              ]}
            />
            <div className="me-subtitle">{t('me.members')}</div>
            <ul className="plain-list me-list">
              {p.household.members.map((m) => (
                <li key={m.id}>
                  <strong>{m.fullName}</strong>
                  {m.id === p.id ? ` (${t('me.you')})` : ''}
                  <div className="me-muted">
                    {relationLabel(t, m.relationToHead)} · {t('person.birthYear')} {m.birthYear}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </>
  );
}

/** /me — the citizen's own record in the population registry, read-only. */
export default function MyRecordPage() {
  const t = useT();
  const record = useApi((signal) => fetchMyRecord({ signal }), []);
  return (
    <div className="citizen-page">
      <PageTitle title={t('me.title')} description={t('me.intro')} />
      {record.error && <ErrorAlert error={record.error} onRetry={record.reload} />}
      {record.loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {record.data && <RecordCards p={record.data} />}
      <DocumentsCard />
      <Card className="section-card">
        <Space orientation="vertical">
          <span>{t('me.wrongData')}</span>
          <Link to="/me/access-log">{t('me.linkAccessLog')}</Link>
          <Link to="/me/consents">{t('me.linkConsents')}</Link>
        </Space>
      </Card>
    </div>
  );
}
