import { useState } from 'react';
import { Alert, Button, Card, Empty, Table, Tag } from 'antd';
import type { ProcedureSummary, ProcedureVersion } from '../../../contracts/procedures';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatDateTime } from '../../components/format';
import { FIELD_LABEL, moneyText, timeLimitText } from './procedure-labels';
import { fetchCatalog, fetchVersions } from './procedures-api';
import { NewVersionForm } from './NewVersionForm';
import './procedures.css';

function VersionsCard({ code }: { code: string }) {
  const { t, lang, pick } = useI18n();
  const versions = useApi((signal) => fetchVersions(code, { signal }), [code]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ProcedureVersion>();
  const latest = versions.data?.items[0];
  return (
    <Card
      title={t('procadmin.versions', { code })}
      className="section-card"
      extra={
        latest && !creating ? (
          <Button
            type="primary"
            onClick={() => {
              setCreated(undefined);
              setCreating(true);
            }}
          >
            {t('procadmin.newVersion')}
          </Button>
        ) : null
      }
    >
      {versions.error && <ErrorAlert error={versions.error} onRetry={versions.reload} />}
      {created && (
        <Alert
          type="success"
          showIcon
          className="section-alert"
          title={t('procadmin.created', { n: created.version, date: formatDate(created.effectiveFrom) })}
        />
      )}
      {creating && latest && (
        <NewVersionForm
          base={latest}
          onCancel={() => setCreating(false)}
          onCreated={(v) => {
            setCreated(v);
            setCreating(false);
            versions.reload();
          }}
        />
      )}
      <Table<ProcedureVersion>
        size="small"
        rowKey="id"
        loading={versions.loading}
        dataSource={versions.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { key: 'version', title: t('procadmin.col.version'), render: (_, v) => <strong>{v.version}</strong> },
          {
            key: 'period',
            title: t('procadmin.col.period'),
            render: (_, v) =>
              `${formatDate(v.effectiveFrom)} – ${v.effectiveTo ? formatDate(v.effectiveTo) : t('procadmin.open')}`,
          },
          { key: 'name', title: t('procadmin.col.name'), render: (_, v) => pick(v.nameVi, v.nameEn) },
          {
            key: 'limit',
            title: t('procedures.timeLimit'),
            render: (_, v) => timeLimitText(t, lang, v.timeLimitWorkingDays, v.sameDayCutoff),
          },
          {
            key: 'fee',
            title: t('procedures.fee.online'),
            render: (_, v) => moneyText(t, lang, v.fees.items.find((i) => i.code === 'standard')?.online ?? 0),
          },
          { key: 'note', title: t('procadmin.col.note'), render: (_, v) => v.changeNote ?? '' },
          { key: 'created', title: t('procadmin.col.created'), render: (_, v) => formatDateTime(v.createdAt) },
        ]}
      />
    </Card>
  );
}

/** /admin/procedures — the catalog's versions; an administrator creates a new version (never edits an old one). */
export default function AdminProceduresPage() {
  const { t, lang, pick } = useI18n();
  const list = useApi((signal) => fetchCatalog({}, { signal }), []);
  const [selected, setSelected] = useState<string>();
  return (
    <div>
      <PageTitle title={t('procadmin.title')} description={t('procadmin.intro')} />
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Card className="section-card">
        <Table<ProcedureSummary>
          size="small"
          rowKey="code"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <Empty description={t('procedures.catalog.none')} /> }}
          rowClassName={(p) => (p.code === selected ? 'selected-row' : '')}
          onRow={(p) => ({ onClick: () => setSelected(p.code) })}
          columns={[
            {
              key: 'code',
              title: t('procadmin.col.code'),
              render: (_, p) => (
                <Button type="link" onClick={() => setSelected(p.code)} className="tabular">
                  {p.code}
                </Button>
              ),
            },
            { key: 'name', title: t('procadmin.col.name'), render: (_, p) => pick(p.nameVi, p.nameEn) },
            { key: 'field', title: t('procadmin.col.field'), render: (_, p) => <Tag>{t(FIELD_LABEL[p.field])}</Tag> },
            {
              key: 'limit',
              title: t('procedures.timeLimit'),
              render: (_, p) => timeLimitText(t, lang, p.timeLimitWorkingDays, p.sameDayCutoff),
            },
            { key: 'version', title: t('procadmin.col.version'), render: (_, p) => p.version },
          ]}
        />
      </Card>
      {selected && <VersionsCard key={selected} code={selected} />}
    </div>
  );
}
