import { Modal, Skeleton, Timeline, Typography } from 'antd';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { fetchVisit } from './counter-api';
import { fieldLabel, outcomeLabel, typedByLabel } from './counter-labels';

interface Props {
  visitId: string | undefined;
  onClose: () => void;
}

/** Every revision of a visit, oldest first: who wrote it, when, why, and what changed. */
export function HistoryModal({ visitId, onClose }: Props) {
  const { t } = useI18n();
  const detail = useApi(visitId ? (signal) => fetchVisit(visitId, { signal }) : null, [visitId]);
  return (
    <Modal
      open={visitId !== undefined}
      title={t('counter.history.title')}
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      {detail.error && <ErrorAlert error={detail.error} onRetry={detail.reload} />}
      {detail.loading && <Skeleton active />}
      {detail.data && !detail.loading && (
        <Timeline
          items={detail.data.revisions.map((r) => ({
            key: r.revision,
            content: (
              <>
                <Typography.Text strong>
                  {t('counter.history.revision', { n: r.revision })} —{' '}
                  {r.revision === 1
                    ? t('counter.history.first')
                    : t('counter.history.changed', { fields: r.changedFields.map((f) => fieldLabel(t, f)).join(', ') })}
                </Typography.Text>
                <div className="counter-hint">
                  {t('counter.history.by', { name: r.recordedBy, time: formatDateTime(r.recordedAt) })}
                </div>
                {r.reason && (
                  <div>
                    {t('counter.correction.reason')}: {r.reason}
                  </div>
                )}
                <div>
                  {r.citizen.name} · {r.procedureCode ?? '—'} ·{' '}
                  {r.guidedOnline ? t('counter.guidedYes') : t('counter.guidedNo')} · {typedByLabel(t, r.typedBy)} ·{' '}
                  {outcomeLabel(t, r.outcome)}
                  {r.dossierCode ? ` · ${r.dossierCode}` : ''}
                </div>
                {r.note && <div className="counter-hint">{r.note}</div>}
              </>
            ),
          }))}
        />
      )}
    </Modal>
  );
}
