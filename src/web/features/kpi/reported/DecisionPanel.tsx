import { useState } from 'react';
import { Alert, App, Button, Form, Input, Popconfirm, Space, Typography } from 'antd';
import type { ReportedExpectedRow, ReportedValue } from '../../../../contracts/kpi';
import type { ApiError } from '../../../api/client';
import { useSession } from '../../../api/session';
import { toApiError } from '../../../api/use-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../shell/i18n';
import { decide, type DecisionStep } from './reported-api';
import { useReportedText } from './reported-text';

const COMMENT_ID = 'kpirep-comment';

/**
 * The Standing Agency's part: a submitted value is approved (then locked) or returned with a
 * reason; an approved one is un-approved with a reason (back to the unit). Whoever took part in the
 * value is told why there is no "Duyệt" button for them.
 */
export function DecisionPanel(props: {
  row: ReportedExpectedRow;
  value: ReportedValue | null;
  onChanged: (value: ReportedValue) => void;
}) {
  const { row, value, onChanged } = props;
  const t = useReportedText();
  const { pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<DecisionStep>();
  const state = value?.state;
  const deciding = row.may.decide && state === 'submitted';
  const unapproving = row.may.unapprove && state === 'approved';
  const selfApproval = !row.may.decide && state === 'submitted' && can('kpi.report.approve');

  if (!value || (!deciding && !unapproving))
    return selfApproval ? <Alert type="info" showIcon title={t('kpiRep.drawer.selfApproval')} /> : null;

  const run = async (step: Exclude<DecisionStep, 'submit'>) => {
    setError(undefined);
    setCommentError(undefined);
    const reason = comment.trim();
    if (step !== 'approve' && !reason) {
      setCommentError(t('kpiRep.comment.required'));
      document.getElementById(COMMENT_ID)?.focus();
      return;
    }
    setBusy(step);
    try {
      onChanged(await decide(value.id, step, value.version, reason || undefined));
      setComment('');
      void message.success(
        t(step === 'approve' ? 'kpiRep.approved' : step === 'return' ? 'kpiRep.returned' : 'kpiRep.unapproved'),
      );
    } catch (e) {
      const apiError = toApiError(e);
      const onComment = apiError.fields.find((f) => f.field === 'comment');
      if (onComment) setCommentError(pick(onComment.messageVi, onComment.messageEn));
      else setError(apiError);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="kpirep-decide-title" data-testid="kpirep-decide">
      <Typography.Title level={3} id="kpirep-decide-title" className="kpirep-h">
        {t(deciding ? 'kpiRep.decide.title' : 'kpiRep.unapprove.title')}
      </Typography.Title>
      {unapproving && <Typography.Paragraph>{t('kpiRep.unapprove.hint')}</Typography.Paragraph>}
      <Form layout="vertical" requiredMark={false} onFinish={() => undefined}>
        <Form.Item
          label={t('kpiRep.comment')}
          htmlFor={COMMENT_ID}
          validateStatus={commentError ? 'error' : undefined}
          help={commentError}
        >
          <Input.TextArea
            id={COMMENT_ID}
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} />}
      <Space wrap className="kpirep-buttons">
        {deciding && (
          <Popconfirm
            title={t('kpiRep.approve.confirm')}
            description={t('kpiRep.approve.confirmHint')}
            okText={t('kpiRep.approve.ok')}
            cancelText={t('kpiRep.approve.cancel')}
            onConfirm={() => run('approve')}
          >
            <Button type="primary" loading={busy === 'approve'} disabled={!!busy}>
              {t('kpiRep.approve')}
            </Button>
          </Popconfirm>
        )}
        {deciding && (
          <Button danger loading={busy === 'return'} disabled={!!busy} onClick={() => void run('return')}>
            {t('kpiRep.return')}
          </Button>
        )}
        {unapproving && (
          <Button danger loading={busy === 'unapprove'} disabled={!!busy} onClick={() => void run('unapprove')}>
            {t('kpiRep.unapprove')}
          </Button>
        )}
      </Space>
    </section>
  );
}
