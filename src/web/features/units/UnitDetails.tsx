import { Button, Descriptions, Divider, Empty, Skeleton, Tag, Typography } from 'antd';
import type { Unit, UnitLink } from '../../../contracts/units';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { dayBefore, fetchLinkedUnits, fetchUnit } from './units-api';
import { levelLabel, typeLabel } from './UnitTree';
import { HelpDeskPanel } from './HelpDeskPanel';
import { useSession } from '../../api/session';

interface Props {
  code: string;
  asOf: string;
  /** Name of a unit in the tree shown next to the details (for the parent). */
  nameOf: (code: string) => string | undefined;
  /** Open another unit on a date (following a link between the old and the new structure). */
  onOpen: (code: string, asOf: string) => void;
}

interface Links {
  successors: UnitLink[];
  predecessors: UnitLink[];
}

/** One unit on a date, with the units it became (successors) or was made of (predecessors). */
export function UnitDetails({ code, asOf, nameOf, onOpen }: Props) {
  const { t } = useI18n();
  const { can } = useSession();
  const unit = useApi((signal) => fetchUnit(code, asOf, { signal }), [code, asOf]);
  const links = useApi<Links>(
    async (signal) => {
      const [successors, predecessors] = await Promise.all([
        fetchLinkedUnits(code, 'successors', { signal }).catch(() => []),
        fetchLinkedUnits(code, 'predecessors', { signal }).catch(() => []),
      ]);
      // A reused code has links in both directions: keep those that concern the unit valid on asOf.
      return {
        successors: successors.filter((l) => l.effectiveOn > asOf),
        predecessors: predecessors.filter((l) => l.effectiveOn <= asOf),
      };
    },
    [code, asOf],
  );

  if (unit.error) return <ErrorAlert error={unit.error} />;
  if (!unit.data) return <Skeleton active />;
  const u = unit.data;
  return (
    <div data-testid="unit-details">
      <Typography.Title level={2} className="unit-title">
        {u.fullName}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered items={unitItems(u, t, nameOf)} />
      {links.data && links.data.successors.length > 0 && (
        <LinkList
          title={t('units.successors')}
          links={links.data.successors}
          onOpen={(l) => onOpen(l.unit.code, l.effectiveOn)}
        />
      )}
      {links.data && links.data.predecessors.length > 0 && (
        <LinkList
          title={t('units.predecessors')}
          links={links.data.predecessors}
          onOpen={(l) => onOpen(l.unit.code, dayBefore(l.effectiveOn))}
        />
      )}
      {links.data && links.data.successors.length + links.data.predecessors.length === 0 && u.level === 'commune' && (
        <Typography.Paragraph type="secondary" className="unit-no-links">
          {t('units.noLinks')}
        </Typography.Paragraph>
      )}
      {/* Desks are recorded for today's units; the server checks the administrator's unit. */}
      {can('units.manage') && u.validTo === null && <HelpDeskPanel unit={u} />}
    </div>
  );
}

function unitItems(u: Unit, t: ReturnType<typeof useI18n>['t'], nameOf: Props['nameOf']) {
  const parentName = u.parentCode ? nameOf(u.parentCode) : undefined;
  return [
    { key: 'code', label: t('units.code'), children: <code>{u.code}</code> },
    { key: 'name', label: t('units.nameEn'), children: u.nameEn },
    { key: 'level', label: t('units.level'), children: levelLabel(t, u.level) },
    { key: 'type', label: t('units.type'), children: typeLabel(t, u.type) },
    {
      key: 'parent',
      label: t('units.parent'),
      children: u.parentCode ? (parentName ? `${parentName} (${u.parentCode})` : u.parentCode) : '—',
    },
    {
      key: 'from',
      label: t('units.validFrom'),
      children: u.validFrom ? formatDate(u.validFrom) : t('units.validFrom.unknown'),
    },
    { key: 'to', label: t('units.validTo'), children: u.validTo ? formatDate(u.validTo) : t('units.validTo.open') },
  ];
}

function LinkList({ title, links, onOpen }: { title: string; links: UnitLink[]; onOpen: (link: UnitLink) => void }) {
  const { t } = useI18n();
  if (links.length === 0) return <Empty />;
  return (
    <>
      <Divider titlePlacement="start">{title}</Divider>
      <ul className="plain-list unit-links">
        {links.map((l) => (
          <li key={`${l.unit.code}-${l.effectiveOn}`}>
            <Button type="link" className="inline-link" onClick={() => onOpen(l)}>
              {l.unit.fullName} ({l.unit.code})
            </Button>
            <Tag color={l.type === 'full' ? 'blue' : 'purple'}>
              {l.type === 'full' ? t('units.link.full') : t('units.link.partial')}
            </Tag>
            <Typography.Text type="secondary">
              {t('units.link.from', { date: formatDate(l.effectiveOn) })}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </>
  );
}
