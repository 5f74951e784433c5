import { useState } from 'react';
import { App, Button, Card, Col, Row, Space, Typography } from 'antd';
import type { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { toApiError } from '../../api/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReasonModal } from './ReasonModal';
import { OutcomeCell, PersonFacts, RowCells, ScoreExplanation } from './RowParts';
import { decideReview, type ReviewItem } from './sector-api';
import { useSectorT } from './use-sector-text';

interface Props {
  item: ReviewItem;
  mapping: Record<string, string>;
  typeName: string;
  /** Names a unit code (the page's units, asked for once). */
  unitName: (code: string | null) => string;
  onDecided: () => void;
}

/** One probable link: the list's row and the registry person side by side, accept or reject (with a reason). */
export function ReviewCard({ item, mapping, typeName, unitName, onDecided }: Props) {
  const t = useSectorT();
  const { message } = App.useApp();
  const { can } = useSession();
  const [busy, setBusy] = useState<'accept' | 'reject'>();
  const [error, setError] = useState<ApiError>();
  const [rejecting, setRejecting] = useState(false);
  const title = t('sector.review.rowOf', {
    row: item.row,
    file: item.batch.fileName,
    type: typeName,
    unit: unitName(item.batch.unitCode),
  });

  const decide = async (decision: 'accept' | 'reject', reason?: string) => {
    if (!item.linkId) return;
    setBusy(decision);
    setError(undefined);
    try {
      await decideReview(item.linkId, reason ? { decision, reason } : { decision });
      void message.success(
        t(decision === 'accept' ? 'sector.review.accepted' : 'sector.review.rejected', { row: item.row }),
      );
      setRejecting(false);
      onDecided();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card className="section-card sector-review-card" title={title}>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <section aria-label={t('sector.review.listSide')}>
            <Typography.Title level={3} className="sector-subtitle">
              {t('sector.review.listSide')}
            </Typography.Title>
            <RowCells header={item.header} mapping={mapping} row={item} />
          </section>
        </Col>
        <Col xs={24} lg={12}>
          <section aria-label={t('sector.review.registrySide')}>
            <Typography.Title level={3} className="sector-subtitle">
              {t('sector.review.registrySide')}
            </Typography.Title>
            {item.person && <PersonFacts person={item.person} disagreements={item.disagreements} unitName={unitName} />}
          </section>
        </Col>
      </Row>
      <OutcomeCell row={item} />
      <details className="sector-why-box">
        <summary>{t('sector.review.why')}</summary>
        <ScoreExplanation explanation={item.explanation} />
      </details>
      {error && !rejecting && <ErrorAlert error={error} />}
      {can('sector.import') && (
        <Space wrap className="sector-review-actions">
          <Button
            type="primary"
            disabled={busy !== undefined && busy !== 'accept'}
            loading={busy === 'accept'}
            onClick={() => void decide('accept')}
          >
            {t('sector.review.accept')}
          </Button>
          <Button danger disabled={busy !== undefined} onClick={() => setRejecting(true)}>
            {t('sector.review.reject')}
          </Button>
        </Space>
      )}
      <ReasonModal
        open={rejecting}
        title={t('sector.review.rejectTitle', { row: item.row })}
        okText={t('sector.review.reject')}
        label={t('sector.review.reason')}
        requiredText={t('sector.review.reasonRequired')}
        inputId={`reason-${item.linkId}`}
        busy={busy === 'reject'}
        error={rejecting ? error : undefined}
        onSubmit={(reason) => void decide('reject', reason)}
        onCancel={() => {
          setRejecting(false);
          setError(undefined);
        }}
      />
    </Card>
  );
}
