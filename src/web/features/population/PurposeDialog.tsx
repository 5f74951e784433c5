import { useState } from 'react';
import { Alert, Modal, Radio, Skeleton, Space, Typography } from 'antd';
import type { PurposeList } from '../../../contracts/audit';
import { apiGet } from '../../api/client';
import { lastPurpose } from '../../api/purpose-memory';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  open: boolean;
  onChoose: (purposeCode: string) => void;
  onCancel: () => void;
}

/**
 * Asks why the officer opens this record (PDP Law 91/2025: processing only for a stated
 * purpose). Nothing is pre-selected — not even the purpose used last, which is only named
 * as a hint — and "Xem thông tin" stays disabled until a purpose is chosen.
 */
export function PurposeDialog({ open, onChoose, onCancel }: Props) {
  const { t, pick } = useI18n();
  const [chosen, setChosen] = useState<string>();
  const purposes = useApi((signal) => apiGet<PurposeList>('/api/v1/audit/purposes', { signal }), []);
  const active = (purposes.data?.items ?? []).filter((p) => p.active);
  const last = active.find((p) => p.code === lastPurpose());

  return (
    <Modal
      open={open}
      title={<span id="purpose-title">{t('purpose.title')}</span>}
      okText={t('purpose.ok')}
      cancelText={t('purpose.cancel')}
      okButtonProps={{ disabled: !chosen, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => chosen && onChoose(chosen)}
      onCancel={onCancel}
      mask={{ closable: false }}
      destroyOnHidden
      className="purpose-dialog"
    >
      <Typography.Paragraph>{t('purpose.text')}</Typography.Paragraph>
      <Alert type="info" showIcon className="purpose-notice" title={t('purpose.recorded')} />
      {purposes.error && <ErrorAlert error={purposes.error} onRetry={purposes.reload} />}
      {purposes.loading && <Skeleton active paragraph={{ rows: 4 }} title={false} />}
      {purposes.data && (
        <fieldset className="purpose-fieldset">
          <legend className="purpose-legend">{t('purpose.legend')}</legend>
          <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as string)} className="purpose-options">
            <Space orientation="vertical" size={4}>
              {active.map((p) => (
                <Radio key={p.code} value={p.code} className="purpose-option">
                  {pick(p.nameVi, p.nameEn)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </fieldset>
      )}
      {last && (
        <Typography.Paragraph type="secondary" className="purpose-last">
          {t('purpose.lastUsed', { name: pick(last.nameVi, last.nameEn) })}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
