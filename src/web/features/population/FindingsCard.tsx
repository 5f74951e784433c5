import { Alert, Card, Typography } from 'antd';
import type { QualityFinding } from '../../../contracts/population';
import { useI18n } from '../../shell/i18n';
import { QualityClassTag, qualityClassLabel } from '../../components/QualityClassTag';

/** Data-quality findings on this record, tagged by class (đúng, đủ, sạch, sống). */
export function FindingsCard({ findings }: { findings: QualityFinding[] }) {
  const { t, pick } = useI18n();
  if (findings.length === 0) {
    return <Alert type="success" showIcon title={t('person.findings.none')} />;
  }
  return (
    <Card title={t('person.findings.title', { count: findings.length })} className="section-card findings-card">
      <ul className="plain-list">
        {findings.map((f, i) => (
          <li key={`${f.ruleCode}-${i}`} className="finding-row">
            <QualityClassTag qualityClass={f.class}>{qualityClassLabel(t, f.class)}</QualityClassTag>
            <Typography.Text strong={f.severity === 'error'}>{pick(f.titleVi, f.titleEn)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              ({f.severity === 'error' ? t('quality.severity.error') : t('quality.severity.warning')})
            </Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
