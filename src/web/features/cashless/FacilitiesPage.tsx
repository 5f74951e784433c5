import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FacilityKind } from '../../../contracts/cashless';
import { useSession } from '../../api/session';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { CommuneSelect } from '../../components/CommuneSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { formatNumber } from '../../components/format';
import { fetchFacilities, fetchFacilityTypes, type Facility, type FacilityFilters } from './cashless-api';
import { FacilityModal } from './FacilityModal';
import { FacilityMonthsDrawer } from './FacilityMonthsDrawer';
import { FacilityTypesCard } from './FacilityTypesCard';
import './cashless.css';

const PAGE_SIZE = 20;

/** /admin/facilities — the register of schools and health facilities (target 7), with each facility's monthly figures. */
export default function FacilitiesPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const manage = can('cashless.facilities.manage');
  const [filters, setFilters] = useState<FacilityFilters>({ page: 1 });
  const [editing, setEditing] = useState<Facility | 'new' | null>(null);
  const [viewing, setViewing] = useState<Facility | null>(null);
  const list = useApi(
    (signal) => fetchFacilities({ ...filters, pageSize: PAGE_SIZE }, { signal }),
    [JSON.stringify(filters)],
  );
  const types = useApi((signal) => fetchFacilityTypes({ signal }), []);
  const set = (change: FacilityFilters) => setFilters((f) => ({ ...f, ...change, page: change.page ?? 1 }));

  const columns: TableColumnsType<Facility> = [
    {
      title: t('cashless.facility.code'),
      dataIndex: 'code',
      className: 'nowrap',
      render: (c: string) => <code>{c}</code>,
    },
    { title: t('cashless.facility.name'), dataIndex: 'name' },
    {
      title: t('cashless.facility.type'),
      key: 'type',
      responsive: ['md'],
      render: (_: unknown, f) => pick(f.typeNameVi, f.typeNameEn),
    },
    {
      title: t('cashless.facility.commune'),
      key: 'commune',
      render: (_: unknown, f) => (
        <Space size={4} wrap>
          {f.communeName ?? f.communeCode}
          {f.inWard && <StatusTag kind="info">{t('cashless.ward')}</StatusTag>}
        </Space>
      ),
    },
    {
      title: t('cashless.facility.status'),
      dataIndex: 'active',
      render: (a: boolean) =>
        a ? (
          <StatusTag kind="ok">{t('cashless.facility.activeTag')}</StatusTag>
        ) : (
          <StatusTag kind="neutral">{t('cashless.facility.inactiveTag')}</StatusTag>
        ),
    },
    {
      title: t('cashless.col.actions'),
      key: 'actions',
      render: (_: unknown, f) => (
        <Space size={[8, 8]} wrap>
          <Button
            size="small"
            onClick={() => setViewing(f)}
            aria-label={t('cashless.facility.monthsLabel', { name: f.name })}
          >
            {t('cashless.facility.months')}
          </Button>
          {manage && (
            <Button
              size="small"
              onClick={() => setEditing(f)}
              aria-label={t('cashless.facility.editLabel', { name: f.name })}
            >
              {t('cashless.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('cashless.facilities.title')}
        description={t('cashless.facilities.intro')}
        extra={
          manage && (
            <Button type="primary" size="large" onClick={() => setEditing('new')}>
              {t('cashless.facility.add')}
            </Button>
          )
        }
      />
      <Card className="section-card">
        <Space wrap size={[12, 12]} className="cashless-filters">
          <Input.Search
            allowClear
            placeholder={t('cashless.facilities.search')}
            aria-label={t('cashless.facilities.search')}
            onSearch={(q) => set({ q: q.trim() || undefined })}
          />
          <Select<FacilityKind | ''>
            value={filters.kind ?? ''}
            aria-label={t('cashless.facilities.kind')}
            onChange={(v) => set({ kind: v || undefined })}
            options={[
              { value: '', label: t('cashless.facilities.allKinds') },
              { value: 'school', label: t('cashless.kind.school') },
              { value: 'health_facility', label: t('cashless.kind.health_facility') },
            ]}
          />
          <div className="cashless-unit">
            <CommuneSelect value={filters.communeCode} onChange={(v) => set({ communeCode: v })} />
          </div>
          <Select<'' | 'true' | 'false'>
            value={filters.inWard ?? ''}
            aria-label={t('cashless.facilities.area')}
            onChange={(v) => set({ inWard: v || undefined })}
            options={[
              { value: '', label: t('cashless.facilities.allAreas') },
              { value: 'true', label: t('cashless.facilities.inWard') },
              { value: 'false', label: t('cashless.facilities.notInWard') },
            ]}
          />
          <Select<'' | 'true' | 'false'>
            value={filters.active ?? ''}
            aria-label={t('cashless.facility.status')}
            onChange={(v) => set({ active: v || undefined })}
            options={[
              { value: '', label: t('cashless.facilities.allStatuses') },
              { value: 'true', label: t('cashless.facility.activeTag') },
              { value: 'false', label: t('cashless.facility.inactiveTag') },
            ]}
          />
        </Space>
      </Card>
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Card className="section-card">
        <ScrollRegion label={t('cashless.facilities.title')}>
          <Table<Facility>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            size="middle"
            locale={{ emptyText: t('cashless.facilities.empty') }}
            data-testid="facilities-table"
            pagination={{
              current: list.data?.page ?? filters.page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('cashless.facilities.total', { total: formatNumber(total, lang) }),
              onChange: (page) => set({ page }),
            }}
          />
        </ScrollRegion>
      </Card>
      {types.data && <FacilityTypesCard types={types.data.items} canEdit={manage} onChanged={types.reload} />}
      <FacilityModal
        target={editing}
        types={types.data?.items ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success(t('cashless.saved'));
          list.reload();
        }}
      />
      <FacilityMonthsDrawer facility={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
