import { Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { PageTitle } from '../components/PageTitle';
import { useT } from './i18n';
import { useSession } from '../api/session';
import { visibleGroups } from './navigation';
import type { MessageKey } from './dictionary';

const ITEM_TEXT: Record<string, MessageKey> = {
  '/population/search': 'home.card.search',
  '/chi-tieu': 'home.card.kpi',
  '/chi-tieu/bao-cao': 'home.card.kpiReported',
  '/quality': 'home.card.quality',
  '/units': 'home.card.units',
  '/admin/users': 'home.card.users',
  '/admin/roles': 'home.card.roles',
  '/dossiers': 'home.card.workqueue',
  '/counter': 'home.card.counter',
  '/fees/payments': 'home.card.payments',
  '/fees/reconciliation': 'home.card.reconciliation',
  '/du-lieu-chuyen-nganh': 'home.card.sectorBatches',
  '/du-lieu-chuyen-nganh/nhap': 'home.card.sectorImport',
  '/du-lieu-chuyen-nganh/ra-soat': 'home.card.sectorReview',
  '/du-lieu-chuyen-nganh/dieu-chinh': 'home.card.sectorCorrections',
  '/cashless': 'home.card.cashless',
  '/pilots': 'home.card.pilots',
  '/admin/pilot-due-dates': 'home.card.pilotDueDates',
  '/admin/calendar': 'home.card.calendar',
  '/admin/procedures': 'home.card.adminProcedures',
  '/admin/fee-lists': 'home.card.feeLists',
  '/admin/jobs': 'home.card.jobs',
  '/admin/portal-sync': 'home.card.portalSync',
  '/admin/facilities': 'home.card.facilities',
  '/cashless/import': 'home.card.cashlessImport',
  '/account': 'home.card.account',
};

/**
 * What DVC06 is, and one card per page this account may use, grouped by who uses it. A session
 * holding `overview.read` (leaders, the Standing Agency) sees `overview` first: the figures the
 * router injects (the shell imports no feature).
 */
export default function HomePage({ overview }: { overview?: ReactNode }) {
  const t = useT();
  const { me, can } = useSession();
  return (
    <>
      <PageTitle title={t('home.title')} description={t('home.intro')} />
      {overview && can('overview.read') && (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>{overview}</Suspense>
      )}
      <Typography.Paragraph>{t('home.intro2')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {visibleGroups(me).flatMap((group) =>
          group.items.map((item) => (
            <Col xs={24} md={12} xl={8} key={item.path}>
              <Card className="home-card">
                <Typography.Text className="home-card-audience">{t(group.label)}</Typography.Text>
                <Typography.Title level={2} className="home-card-title">
                  <Link to={item.path}>{t(item.label)}</Link>
                </Typography.Title>
                <Typography.Paragraph>{t(ITEM_TEXT[item.path] ?? 'home.intro')}</Typography.Paragraph>
              </Card>
            </Col>
          )),
        )}
      </Row>
    </>
  );
}
