import { Alert, Modal, Typography } from 'antd';
import { useAdminT } from './use-admin-text';

interface Props {
  /** Whose password it is (shown in the title); null closes the dialog. */
  shown: { who: string; password: string } | null;
  onClose: () => void;
}

/** Shows a temporary password once: the server does not keep it readable, so it cannot be shown again. */
export function TemporaryPasswordModal({ shown, onClose }: Props) {
  const t = useAdminT();
  return (
    <Modal
      open={shown !== null}
      title={t('users.temp.title', { who: shown?.who ?? '' })}
      onOk={onClose}
      onCancel={onClose}
      okText={t('users.temp.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('users.temp.text')}</Typography.Paragraph>
      <Typography.Text code copyable className="temp-password" data-testid="temporary-password">
        {shown?.password}
      </Typography.Text>
      <Alert type="warning" showIcon className="temp-warning" title={t('users.temp.once')} />
    </Modal>
  );
}
