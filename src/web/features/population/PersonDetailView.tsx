import { Card, Col, Descriptions, Grid, Row } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { PersonDetail } from '../../../contracts/population';
import { useI18n } from '../../shell/i18n';
import { EMPTY, formatDate, formatDateTime } from '../../components/format';
import { eIdLevelLabel, idCardKindLabel, sexLabel } from '../../components/person-labels';
import { FindingsCard } from './FindingsCard';
import { religionName } from './religion-names';
import { ChangesCard, HouseholdCard, ResidencesCard } from './PersonRelations';

const text = (v: string | null | undefined) => (v && v.trim() ? v : EMPTY);

/** All sections of a person's record (pure view of the loaded data). */
export function PersonDetailView({ person: p }: { person: PersonDetail }) {
  const { t, lang } = useI18n();
  // Label above value on phones, so long numbers are not broken in two.
  const layout = Grid.useBreakpoint().sm === false ? 'vertical' : 'horizontal';

  const identity: DescriptionsProps['items'] = [
    { key: 'name', label: t('person.fullName'), children: p.fullName },
    { key: 'nid', label: t('person.nationalId'), children: text(p.nationalId) },
    {
      key: 'birth',
      label: t('person.birthDate'),
      children: p.birthDate ? formatDate(p.birthDate) : String(p.birthYear),
    },
    { key: 'sex', label: t('person.sex'), children: sexLabel(t, p.sex) },
    { key: 'eth', label: t('person.ethnicity'), children: text(p.ethnicityName ?? p.ethnicityCode) },
    { key: 'rel', label: t('person.religion'), children: text(religionName(lang, p.religionCode, p.religionName)) },
    {
      key: 'nat',
      label: t('person.nationality'),
      children: p.nationality === 'VN' ? t('person.nationality.vn') : p.nationality,
    },
    { key: 'home', label: t('person.homeTown'), children: text(p.homeTown) },
    {
      key: 'status',
      label: t('person.status'),
      children:
        p.status === 'deceased'
          ? `${t('person.status.deceased')} (${formatDate(p.deathDate)})`
          : t('person.status.alive'),
    },
    { key: 'phone', label: t('person.phone'), children: text(p.phone) },
    { key: 'email', label: t('person.email'), children: text(p.email) },
    { key: 'bhyt', label: t('person.healthInsuranceNo'), children: text(p.healthInsuranceNo) },
    { key: 'tax', label: t('person.taxCode'), children: text(p.taxCode) },
  ];

  const card: DescriptionsProps['items'] = [
    {
      key: 'kind',
      label: t('person.idCard.kind'),
      children: p.idCard.kind ? idCardKindLabel(t, p.idCard.kind) : t('person.idCard.none'),
    },
    { key: 'number', label: t('person.idCard.number'), children: text(p.idCard.number) },
    { key: 'issued', label: t('person.idCard.issuedOn'), children: formatDate(p.idCard.issuedOn) },
    { key: 'expires', label: t('person.idCard.expiresOn'), children: formatDate(p.idCard.expiresOn) },
    { key: 'eid', label: t('person.eId.level'), children: eIdLevelLabel(t, p.eId.level) },
    { key: 'eidOn', label: t('person.eId.activatedOn'), children: formatDate(p.eId.activatedOn) },
  ];

  const record: DescriptionsProps['items'] = [
    { key: 'source', label: t('person.source'), children: p.source === 'demo' ? t('person.source.demo') : p.source },
    { key: 'legacy', label: t('person.legacyId'), children: text(p.legacyId) },
    { key: 'verified', label: t('person.lastVerifiedAt'), children: formatDateTime(p.lastVerifiedAt) },
    { key: 'updated', label: t('person.updatedAt'), children: formatDateTime(p.updatedAt) },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <FindingsCard findings={p.findings} />
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('person.section.identity')} className="section-card">
          <Descriptions items={identity} column={1} bordered size="small" layout={layout} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('person.section.idCard')} className="section-card">
          <Descriptions items={card} column={1} bordered size="small" layout={layout} />
        </Card>
        <Card title={t('person.section.record')} className="section-card">
          <Descriptions items={record} column={1} bordered size="small" layout={layout} />
        </Card>
      </Col>
      <Col xs={24}>
        <ResidencesCard residences={p.residences} />
        <ChangesCard changes={p.changes} />
      </Col>
      <Col xs={24}>
        <HouseholdCard household={p.household} personId={p.id} />
      </Col>
    </Row>
  );
}
