import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useApi, toApiError } from '../../api/use-api';
import type { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDateTime } from '../../components/format';
import {
  fetchPushes,
  fetchSandbox,
  retryPush,
  saveSandbox,
  type PortalPush,
  type PortalSandboxSettings,
  type PushState,
} from './portal-sync-api';
import { usePortalSyncT } from './use-portal-sync-text';

const STATE_COLOR: Record<PushState, string> = { pending: 'gold', sent: 'green', dead: 'red' };

/** /admin/portal-sync — the pushes to the national portal (portal_sync.manage), a dead push's retry, the sandbox's behaviour. */
export default function PortalSyncPage() {
  const t = usePortalSyncT();
  const { message } = App.useApp();
  const [state, setState] = useState<PushState>();
  const [code, setCode] = useState('');
  const pushes = useApi(
    (signal) => fetchPushes({ state, dossierCode: code.trim() || undefined }, { signal }),
    [state, code],
  );
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();

  const retry = async (push: PortalPush) => {
    setBusy(push.id);
    setError(undefined);
    try {
      await retryPush(push.id);
      void message.success(t('portalSync.retried', { seq: push.seq, code: push.dossierCode }));
      pushes.reload();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(undefined);
    }
  };

  const counts = pushes.data?.counts ?? {};
  const columns: TableColumnsType<PortalPush> = [
    { title: t('portalSync.dossierCode'), dataIndex: 'dossierCode', render: (c: string) => <code>{c}</code> },
    { title: t('portalSync.seq'), dataIndex: 'seq', align: 'right' },
    { title: t('portalSync.status'), dataIndex: 'status', align: 'right', responsive: ['md'] },
    {
      title: t('portalSync.filterState'),
      dataIndex: 'state',
      render: (s: PushState) => <Tag color={STATE_COLOR[s]}>{t(`portalSync.state.${s}`)}</Tag>,
    },
    { title: t('portalSync.attempts'), dataIndex: 'attempts', align: 'right' },
    { title: t('portalSync.lastError'), dataIndex: 'lastError', render: (e: string | null) => e ?? '—' },
    {
      title: t('portalSync.lastAttemptAt'),
      dataIndex: 'lastAttemptAt',
      responsive: ['lg'],
      render: (at: string | null) => formatDateTime(at),
    },
    { title: t('portalSync.sentAt'), dataIndex: 'sentAt', render: (at: string | null) => formatDateTime(at) },
    {
      title: '',
      key: 'retry',
      render: (_: unknown, push) =>
        push.state === 'dead' ? (
          <Button size="small" loading={busy === push.id} disabled={!!busy} onClick={() => void retry(push)}>
            {t('portalSync.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageTitle title={t('portalSync.title')} description={t('portalSync.intro')} />
      {pushes.error && <ErrorAlert error={pushes.error} />}
      {error && <ErrorAlert error={error} />}
      <Card
        className="section-card"
        title={t('portalSync.pushes')}
        extra={
          <Button size="small" onClick={pushes.reload}>
            {t('portalSync.refresh')}
          </Button>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('portalSync.counts', { pending: counts.pending ?? 0, sent: counts.sent ?? 0, dead: counts.dead ?? 0 })}
          </Typography.Text>
          <Space wrap>
            <Select<PushState | 'all'>
              aria-label={t('portalSync.filterState')}
              style={{ minWidth: 160 }}
              value={state ?? 'all'}
              onChange={(v) => setState(v === 'all' ? undefined : v)}
              options={[
                { value: 'all', label: t('portalSync.all') },
                { value: 'pending', label: t('portalSync.state.pending') },
                { value: 'sent', label: t('portalSync.state.sent') },
                { value: 'dead', label: t('portalSync.state.dead') },
              ]}
            />
            <Input.Search
              aria-label={t('portalSync.filterCode')}
              placeholder={t('portalSync.filterCode')}
              allowClear
              maxLength={60}
              onSearch={(v) => setCode(v)}
            />
          </Space>
          {pushes.data && pushes.data.items.length === 0 ? (
            <Alert type="info" showIcon message={t('portalSync.empty')} />
          ) : (
            <ScrollRegion label={t('portalSync.pushes')}>
              <Table<PortalPush>
                rowKey="id"
                size="small"
                pagination={{ pageSize: 25, hideOnSinglePage: true }}
                loading={pushes.loading}
                columns={columns}
                dataSource={pushes.data?.items ?? []}
              />
            </ScrollRegion>
          )}
        </Space>
      </Card>
      <SandboxCard />
    </>
  );
}

/** The sandbox's behaviour (development only: the server answers 404 where it does not run). */
function SandboxCard() {
  const t = usePortalSyncT();
  const { message } = App.useApp();
  const sandbox = useApi((signal) => fetchSandbox({ signal }), []);
  const [form] = Form.useForm<PortalSandboxSettings>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    if (sandbox.data) form.setFieldsValue(sandbox.data);
  }, [sandbox.data, form]);

  if (sandbox.error?.status === 404)
    return (
      <Card className="section-card" title={t('portalSync.sandbox')}>
        <Typography.Text type="secondary">{t('portalSync.sandboxOff')}</Typography.Text>
      </Card>
    );
  const save = async (values: PortalSandboxSettings) => {
    setSaving(true);
    setError(undefined);
    try {
      await saveSandbox({ failing: values.failing, delayMs: values.delayMs ?? 0 });
      void message.success(t('portalSync.sandboxSaved'));
      sandbox.reload();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card className="section-card" title={t('portalSync.sandbox')}>
      <Typography.Paragraph type="secondary">{t('portalSync.sandboxIntro')}</Typography.Paragraph>
      {sandbox.error && <ErrorAlert error={sandbox.error} />}
      {error && <ErrorAlert error={error} />}
      <Form<PortalSandboxSettings>
        form={form}
        layout="vertical"
        initialValues={{ failing: false, delayMs: 0 }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="failing" valuePropName="checked">
          <Checkbox>{t('portalSync.sandboxFailing')}</Checkbox>
        </Form.Item>
        <Form.Item name="delayMs" label={t('portalSync.sandboxDelay')}>
          <InputNumber min={0} max={60_000} step={500} style={{ width: 200 }} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('portalSync.sandboxSave')}
          </Button>
          <a href="/portal-sandbox" target="_blank" rel="noreferrer">
            {t('portalSync.sandboxOpen')}
          </a>
        </Space>
      </Form>
    </Card>
  );
}
