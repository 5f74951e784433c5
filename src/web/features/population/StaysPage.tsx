import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { StayList } from '../../../contracts/population';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { DayPicker } from '../../components/DayPicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatDateTime, todayInVietnam } from '../../components/format';
import { fetchStays } from './population-api';

type Stay = StayList['items'][number];

/**
 * /population/stays — the stays notified (2.001159) that cover a day in the officer's communes:
 * host, address, period, guests. Recorded as filed, without a decision: this list is how the
 * commune police see them.
 */
export default function StaysPage() {
  const { t } = useI18n();
  const [on, setOn] = useState(todayInVietnam());
  const stays = useApi((signal) => fetchStays(on, { signal }), [on]);
  const columns: TableColumnsType<Stay> = [
    { title: t('stays.host'), dataIndex: 'hostName' },
    { title: t('stays.address'), dataIndex: 'address' },
    {
      title: t('stays.period'),
      key: 'period',
      render: (_: unknown, s) => `${formatDate(s.arrivalDate)} – ${formatDate(s.departureDate)}`,
    },
    {
      title: t('stays.guests'),
      key: 'guests',
      render: (_: unknown, s) => (
        <ul className="stay-guests">
          {s.guests.map((g, i) => (
            <li key={i}>
              {g.fullName} <span className="tabular">{g.nationalId}</span>
            </li>
          ))}
        </ul>
      ),
    },
    { title: t('stays.reason'), dataIndex: 'reason' },
    {
      title: t('stays.dossier'),
      key: 'dossier',
      render: (_: unknown, s) => (
        <>
          <Link to={`/dossiers?queue=all&code=${encodeURIComponent(s.dossierCode)}`} className="tabular">
            {s.dossierCode}
          </Link>
          <div>{formatDateTime(s.recordedAt)}</div>
        </>
      ),
    },
  ];
  return (
    <>
      <PageTitle title={t('stays.title')} description={t('stays.intro')} />
      <Card className="section-card">
        <Space wrap>
          <DayPicker id="stays-on" label={t('stays.on')} value={on} onChange={setOn} />
        </Space>
        {stays.error && <ErrorAlert error={stays.error} />}
        <Table<Stay>
          rowKey="dossierCode"
          columns={columns}
          dataSource={stays.data?.items ?? []}
          loading={stays.loading}
          pagination={false}
          size="small"
          locale={{ emptyText: t('stays.none') }}
          scroll={{ x: true }}
        />
      </Card>
    </>
  );
}
