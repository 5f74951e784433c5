import { useState } from 'react';
import { Button, Divider, Empty, Skeleton, Space, Typography } from 'antd';
import type { HelpDeskRecord } from '../../../contracts/help-desks';
import { formatPhone } from '../../../contracts/contact-formats';
import type { Unit } from '../../../contracts/units';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { formatDate, todayInVietnam } from '../../components/format';
import { fetchHelpDeskHistory } from './units-api';
import { deskStatus, KIND_LABEL } from './help-desk-labels';
import { HelpDeskModal, type HelpDeskEdit } from './HelpDeskModal';
import './units.css';

/** One row of the history: what it says, its period and state, who recorded and closed it. */
function DeskRow({ desk, today, onEdit }: { desk: HelpDeskRecord; today: string; onEdit: (e: HelpDeskEdit) => void }) {
  const { t } = useI18n();
  const status = deskStatus(desk, today);
  const open = desk.validTo === null;
  return (
    <li className="unit-desk" data-testid="help-desk-row">
      <div>
        <strong>{desk.name}</strong> <StatusTag kind="info">{t(KIND_LABEL[desk.kind])}</StatusTag>{' '}
        <StatusTag kind={status.kind}>{t(status.label)}</StatusTag>
      </div>
      <Typography.Text type="secondary">
        {t('units.desks.period', {
          from: formatDate(desk.validFrom),
          to: desk.validTo ? formatDate(desk.validTo) : t('units.validTo.open'),
        })}
      </Typography.Text>
      <div>{desk.address}</div>
      <div>{[desk.phone && formatPhone(desk.phone), desk.email, desk.openingHours].filter(Boolean).join(' · ')}</div>
      <Typography.Text type="secondary" className="unit-desk-who">
        {t('units.desks.recorded', {
          who: desk.recordedByName ?? '—',
          at: formatDate(desk.recordedAt.slice(0, 10)),
          source: desk.source,
        })}
        {desk.closedAt &&
          ` ${t('units.desks.closed', { who: desk.closedByName ?? '—', at: formatDate(desk.closedAt.slice(0, 10)) })}`}
      </Typography.Text>
      {open && (
        <Space size="small" className="unit-desk-actions">
          <Button
            size="small"
            onClick={() => onEdit({ mode: 'replace', desk })}
            aria-label={t('units.desks.replaceLabel', { name: desk.name })}
          >
            {t('units.desks.replace')}
          </Button>
          <Button
            size="small"
            onClick={() => onEdit({ mode: 'close', desk })}
            aria-label={t('units.desks.closeLabel', { name: desk.name })}
          >
            {t('units.desks.close')}
          </Button>
        </Space>
      )}
    </li>
  );
}

/**
 * The help desks of a unit for its administrators: every row, closed ones too (nothing is
 * overwritten), with adding, replacing from a day and closing. Shown on the units page.
 */
export function HelpDeskPanel({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  const today = todayInVietnam();
  const history = useApi((signal) => fetchHelpDeskHistory(unit.code, { signal }), [unit.code]);
  const [edit, setEdit] = useState<HelpDeskEdit | null>(null);
  return (
    <section aria-labelledby="unit-desks-title" data-testid="help-desks">
      <Divider titlePlacement="start">
        <span id="unit-desks-title">{t('units.desks.title')}</span>
      </Divider>
      <Typography.Paragraph type="secondary">{t('units.desks.intro')}</Typography.Paragraph>
      <Button type="primary" onClick={() => setEdit({ mode: 'add', unitCode: unit.code, level: unit.level })}>
        {t('units.desks.add')}
      </Button>
      {history.error && <ErrorAlert error={history.error} onRetry={history.reload} />}
      {!history.data && !history.error && <Skeleton active />}
      {history.data?.length === 0 && <Empty description={t('units.desks.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {history.data && history.data.length > 0 && (
        <ul className="plain-list unit-desks">
          {history.data.map((d) => (
            <DeskRow key={d.id} desk={d} today={today} onEdit={setEdit} />
          ))}
        </ul>
      )}
      <HelpDeskModal
        edit={edit}
        onClose={() => setEdit(null)}
        onSaved={() => {
          setEdit(null);
          history.reload();
        }}
      />
    </section>
  );
}
