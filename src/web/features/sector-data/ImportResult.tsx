import { Alert, Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../shell/i18n';
import { errorsXlsxUrl, type ImportAnswer } from './sector-api';
import { useSectorT } from './use-sector-text';

interface Props {
  answer: ImportAnswer;
  onOpen: (batchId: string) => void;
  onAnother: () => void;
}

/** The end of the wizard: "already imported", the failure or cancel, or the counts, the diff and the error rows. */
export function ImportResult({ answer, onOpen, onAnother }: Props) {
  const t = useSectorT();
  const { pick } = useI18n();
  const { batch } = answer;
  const another = <Button onClick={onAnother}>{t('sector.import.another')}</Button>;

  if (answer.duplicate)
    return (
      <Card className="section-card" title={t('sector.import.step.result')}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title={t('sector.import.duplicate')}
            description={t('sector.import.duplicateText', {
              file: batch.fileName,
              date: formatDateTime(batch.createdAt),
            })}
          />
          <Space wrap>
            <Button type="primary" onClick={() => onOpen(batch.id)}>
              {t('sector.import.openEarlier')}
            </Button>
            {another}
          </Space>
        </Space>
      </Card>
    );

  if (batch.state !== 'committed')
    return (
      <Card className="section-card" title={t('sector.import.step.result')}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {batch.state === 'cancelled' ? (
            <Alert type="info" showIcon title={t('sector.import.cancelled')} />
          ) : (
            <Alert
              type="error"
              role="alert"
              showIcon
              title={t('sector.import.failed')}
              description={batch.failure ? pick(batch.failure.vi, batch.failure.en) : undefined}
            />
          )}
          {another}
        </Space>
      </Card>
    );

  return (
    <Card className="section-card" title={t('sector.import.step.result')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="sector-import-result">
        <Alert type="success" showIcon title={t('sector.import.done')} description={batch.fileName} />
        <Row gutter={16}>
          <Col xs={8}>
            <Statistic title={t('sector.import.rows')} value={batch.rowCount} />
          </Col>
          <Col xs={8}>
            <Statistic title={t('sector.import.valid')} value={batch.validCount} />
          </Col>
          <Col xs={8}>
            <Statistic title={t('sector.import.errors')} value={batch.errorCount} />
          </Col>
        </Row>
        <Typography.Title level={3} className="sector-subtitle">
          {t('sector.import.diffTitle')}
        </Typography.Title>
        {batch.diff ? (
          <Row gutter={16}>
            <Col xs={8}>
              <Statistic title={t('sector.import.added')} value={batch.diff.added} />
            </Col>
            <Col xs={8}>
              <Statistic title={t('sector.import.removed')} value={batch.diff.removed} />
            </Col>
            <Col xs={8}>
              <Statistic title={t('sector.import.changed')} value={batch.diff.changed} />
            </Col>
          </Row>
        ) : (
          <span className="sector-muted">{t('sector.import.noDiff')}</span>
        )}
        <Space wrap>
          <Button type="primary" onClick={() => onOpen(batch.id)}>
            {t('sector.import.openBatch')}
          </Button>
          {batch.errorCount > 0 && (
            <Button href={errorsXlsxUrl(batch.id)} download>
              {t('sector.batch.exportErrors')}
            </Button>
          )}
          {another}
        </Space>
      </Space>
    </Card>
  );
}
