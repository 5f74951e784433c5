import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Form, Input, Row, Select, Skeleton, Space, Tag } from 'antd';
import {
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type TemplatePreview,
  type TemplateTexts,
} from '../../../contracts/notifications';
import type { ApiError } from '../../api/client';
import { toApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { useNotificationsT } from './use-notifications-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../components/format';
import { createTemplateVersion, getTemplates, previewTemplate } from './notifications-api';
import { TEXT_FIELDS, todayVn } from './template-form';

/** Message texts keep their line breaks and wrap (no monospace, no sideways scroll). */
const TEXT_STYLE = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '8px 0' } as const;

/**
 * /admin/notification-templates (notifications.templates.manage): each event's versions, and a
 * new version's editor with a live preview on example values (as GOV.UK Notify shows one); a
 * placeholder the event does not know is named under its field, by the preview and on save.
 */
export default function TemplatesPage() {
  const { lang } = useI18n();
  const t = useNotificationsT();
  const { message } = App.useApp();
  const templates = useApi((signal) => getTemplates({ signal }), []);
  const [event, setEvent] = useState<NotificationEvent>('dossier_received');
  const [draft, setDraft] = useState<(TemplateTexts & { effectiveFrom: string }) | null>(null);
  const [preview, setPreview] = useState<TemplatePreview>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const current = templates.data?.find((e) => e.event === event);

  // The live preview: the draft rendered by the server with example values, shortly after each change.
  useEffect(() => {
    if (!draft) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const { effectiveFrom: _from, ...texts } = draft;
      previewTemplate(event, texts, { signal: controller.signal })
        .then((p) => {
          setPreview(p);
          setError(undefined);
        })
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setError(toApiError(e));
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draft, event]);

  const startNew = () => {
    const v = current?.versions.find((x) => x.current) ?? current?.versions[0];
    setPreview(undefined);
    setError(undefined);
    setDraft({
      subjectVi: v?.subjectVi ?? '',
      subjectEn: v?.subjectEn ?? '',
      bodyVi: v?.bodyVi ?? '',
      bodyEn: v?.bodyEn ?? '',
      smsVi: v?.smsVi ?? '',
      effectiveFrom: todayVn(),
    });
  };
  const save = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      const saved = await createTemplateVersion(event, draft);
      void message.success(t('notifications.templates.saved', { version: saved.version }));
      setDraft(null);
      templates.reload();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string) => {
    const f = error?.fields.find((p) => p.field === field);
    return f ? (lang === 'en' ? f.messageEn : f.messageVi) : undefined;
  };

  return (
    <>
      <PageTitle title={t('notifications.templates.title')} description={t('notifications.templates.intro')} />
      {templates.error && <ErrorAlert error={templates.error} onRetry={templates.reload} />}
      {!templates.data && templates.loading && <Skeleton active />}
      {templates.data && (
        <Card className="section-card">
          <Space wrap>
            <Select<NotificationEvent>
              aria-label={t('notifications.outbox.event')}
              style={{ minWidth: 260 }}
              value={event}
              onChange={(v) => {
                setEvent(v);
                setDraft(null);
              }}
              options={NOTIFICATION_EVENTS.map((e) => ({ value: e, label: t(`notifications.event.${e}`) }))}
            />
            {!draft && (
              <Button type="primary" onClick={startNew}>
                {t('notifications.templates.newVersion')}
              </Button>
            )}
          </Space>
          <p className="me-muted" style={{ marginTop: 12 }}>
            {t('notifications.templates.placeholders')}:{' '}
            {current?.placeholders.map((p) => (
              <Tag key={p}>{`{{${p}}}`}</Tag>
            ))}
          </p>
          {!draft &&
            current?.versions.map((v) => (
              <Card
                key={v.id}
                size="small"
                className="section-card"
                title={
                  <span>
                    {t('notifications.templates.version', { version: v.version })} ·{' '}
                    {t('notifications.templates.from', { date: formatDate(v.effectiveFrom) })}{' '}
                    {v.current && <Tag color="green">{t('notifications.templates.current')}</Tag>}
                  </span>
                }
              >
                <strong>{lang === 'en' ? v.subjectEn : v.subjectVi}</strong>
                <div style={TEXT_STYLE}>{lang === 'en' ? v.bodyEn : v.bodyVi}</div>
                <div className="me-muted">SMS: {v.smsVi}</div>
              </Card>
            ))}
          {draft && (
            <Row gutter={24} style={{ marginTop: 12 }}>
              <Col xs={24} lg={12}>
                <Form layout="vertical" onFinish={() => void save()}>
                  {TEXT_FIELDS.map((field) => (
                    <Form.Item
                      key={field}
                      label={t(`notifications.templates.${field}`)}
                      htmlFor={`template-${field}`}
                      validateStatus={fieldError(field) ? 'error' : undefined}
                      help={fieldError(field)}
                    >
                      {field.startsWith('body') ? (
                        <Input.TextArea
                          id={`template-${field}`}
                          rows={7}
                          value={draft[field]}
                          onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
                        />
                      ) : (
                        <Input
                          id={`template-${field}`}
                          value={draft[field]}
                          onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
                        />
                      )}
                    </Form.Item>
                  ))}
                  <Form.Item
                    label={t('notifications.templates.effectiveFrom')}
                    htmlFor="template-effectiveFrom"
                    validateStatus={fieldError('effectiveFrom') ? 'error' : undefined}
                    help={fieldError('effectiveFrom')}
                  >
                    <Input
                      id="template-effectiveFrom"
                      type="date"
                      value={draft.effectiveFrom}
                      onChange={(e) => setDraft({ ...draft, effectiveFrom: e.target.value })}
                    />
                  </Form.Item>
                  {error && !error.fields.length && <ErrorAlert error={error} />}
                  <Space>
                    <Button type="primary" htmlType="submit" loading={busy}>
                      {t('notifications.templates.save')}
                    </Button>
                    <Button onClick={() => setDraft(null)}>{t('notifications.templates.cancel')}</Button>
                  </Space>
                </Form>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('notifications.templates.preview')} data-testid="template-preview">
                  {preview && (
                    <>
                      <strong>{preview.subjectVi}</strong>
                      <div style={TEXT_STYLE}>{preview.bodyVi}</div>
                      <hr />
                      <strong>{preview.subjectEn}</strong>
                      <div style={TEXT_STYLE}>{preview.bodyEn}</div>
                      <hr />
                      <div>SMS: {preview.smsVi}</div>
                    </>
                  )}
                </Card>
              </Col>
            </Row>
          )}
        </Card>
      )}
    </>
  );
}
