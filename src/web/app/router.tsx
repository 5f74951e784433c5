import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../shell/AppLayout';
import { AntdScope } from '../shell/AntdScope';
import { SessionRoot } from './SessionRoot';

import { AccountPage } from '../features/account/pages';
import { RolesPage, UsersPage } from '../features/admin/pages';
import { LoginPage } from '../features/auth/pages';
import { CalendarAdminPage } from '../features/calendar/pages';
import { CashlessImportPage, CashlessStatsPage, FacilitiesPage } from '../features/cashless/pages';
import { AccessLogPage, ConsentsPage, MyRecordPage } from '../features/citizen/pages';
import { CounterPage } from '../features/counter/pages';
import {
  DossierDetailPage,
  FilingPage,
  MyDossierPage,
  MyDossiersPage,
  PaperFilingPage,
  ResultVerificationPage,
  StatusLookupPage,
  WorkqueuePage,
} from '../features/dossiers/pages';
import { FeeListsPage } from '../features/fees/pages';
import { JobsPage } from '../features/jobs/pages';
import { PortalSyncPage } from '../features/portal-sync/pages';
import { KpiIndicatorsPage, KpiPage, KpiReportedPage } from '../features/kpi/pages';
import {
  PaymentDetailPage,
  PaymentResultPage,
  PaymentsPage,
  ReceiptVerificationPage,
  ReconciliationPage,
} from '../features/payments/pages';
import { PersonDetailPage, PersonSearchPage, StaysPage } from '../features/population/pages';
import { RatingLinkPage } from '../features/ratings/pages';
import { InboxPage, OutboxPage, TemplatesPage } from '../features/notifications/pages';
import { PilotDetailPage, PilotDueDatesPage, PilotsPage } from '../features/pilots/pages';
import { AdminProceduresPage, CatalogPage, ProcedurePage } from '../features/procedures/pages';
import { PublicHomePage, PublicNotFoundPage } from '../features/portal/pages';
import { OverviewPanel } from '../features/overview/pages';
import { QualityPage } from '../features/quality/pages';
import {
  SectorBatchPage,
  SectorBatchesPage,
  SectorChangeRequestsPage,
  SectorImportPage,
  SectorReviewPage,
} from '../features/sector-data/pages';
import { UnitsPage } from '../features/units/pages';

// One chunk per page: antd pages load only what they show, echarts only with the charts. The
// features' pages.ts files declare their pages lazily; the shell's two pages are declared here.
const HomePage = lazy(() => import('../shell/HomePage'));
const NotFoundPage = lazy(() => import('../shell/NotFoundPage'));

/** A public page that needs no session to show: SessionRoot renders it before GET /auth/me answers. */
const EARLY = { early: true };

/** A signed-in citizen's page drawn without antd: AppLayout shows it in the light CitizenFrame. */
const PLAIN_FRAME = { plainFrame: true };

/** The pages a phone may open first (issue 14 §6), by address: the public ones and the filing form. */
const FIRST_PAGES: Array<[RegExp, { preload: () => Promise<unknown> }]> = [
  [/^\/$/, PublicHomePage],
  [/^\/procedures\/?$/, CatalogPage],
  [/^\/procedures\/[^/]+\/?$/, ProcedurePage],
  [/^\/procedures\/[^/]+\/file\/?$/, FilingPage],
  [/^\/tra-cuu\/?$/, StatusLookupPage],
  [/^\/login\/?$/, LoginPage],
];

/**
 * Asks for the chunk of the public page (or the filing form) at `pathname` at once, while GET
 * /auth/me is on its way, rather than after it (SessionGate renders the page only then): one round
 * trip less before a visitor sees the page on a slow link. A staff page needs the session first anyway.
 */
export function preloadFirstPage(pathname: string): void {
  const page = FIRST_PAGES.find(([address]) => address.test(pathname))?.[1];
  page?.preload().catch(() => undefined); // a failure shows when the page itself loads
}

/**
 * The client-side routes; the server returns index.html for every non-API path. Which pages a
 * session may open is decided by shell/navigation.ts (AppLayout shows 403 for the others).
 */
export const router = createBrowserRouter([
  {
    element: <SessionRoot />,
    children: [
      // `handle.early`: shown at once, while GET /auth/me is on its way (SessionRoot); the page reads
      // the session when it comes (a signed-in visitor of /login is then sent on).
      { path: 'login', element: <LoginPage />, handle: EARLY },
      // Public (works signed out): the QR code on the receipt slip opens /tra-cuu?ma=<code>.
      { path: 'tra-cuu', element: <StatusLookupPage />, handle: EARLY },
      // Public (works signed out): the link and QR code on an electronic fee receipt open /bien-lai/<token>.
      // The two checks opened from QR codes use antd (AntdScope); the other public pages are drawn without it.
      {
        path: 'bien-lai/:token',
        element: (
          <AntdScope>
            <ReceiptVerificationPage />
          </AntdScope>
        ),
      },
      // Public (works signed out): the QR code on a result document (CT03, CT07, CT08) opens /xac-thuc/<token>.
      {
        path: 'xac-thuc/:token',
        element: (
          <AntdScope>
            <ResultVerificationPage />
          </AntdScope>
        ),
      },
      // Public (works signed out): the procedure catalog and a procedure's page (filing is under AppLayout).
      { path: 'procedures', element: <CatalogPage />, handle: EARLY },
      { path: 'procedures/:code', element: <ProcedurePage />, handle: EARLY },
      {
        // A visitor lands on the public front door at `/`, and sees "not found" (not the sign-in page) at an unknown address.
        element: <AppLayout visitorHome={<PublicHomePage />} visitorNotFound={<PublicNotFoundPage />} />,
        children: [
          // Leaders and the Standing Agency (overview.read) see their figures above the tiles.
          { index: true, element: <HomePage overview={<OverviewPanel />} /> },
          { path: 'me', element: <MyRecordPage /> },
          { path: 'me/access-log', element: <AccessLogPage /> },
          { path: 'me/consents', element: <ConsentsPage /> },
          { path: 'me/dossiers', element: <MyDossiersPage /> },
          // The citizen's notifications and how else they are told (issue 17 §2).
          { path: 'me/thong-bao', element: <InboxPage /> },
          { path: 'me/dossiers/:id', element: <MyDossierPage /> },
          // The link of the result message: the owner, signed in, is taken to the rating card of the dossier.
          { path: 'danh-gia/:token', element: <RatingLinkPage /> },
          // Drawn without antd, in the citizen's light frame (issue 14 §6, ADR 0023): a phone's first visit stays light.
          { path: 'procedures/:code/file', element: <FilingPage />, handle: PLAIN_FRAME },
          { path: 'dossiers', element: <WorkqueuePage /> },
          // An officer enters a citizen's paper filing (staff area: the guard of /dossiers applies).
          { path: 'dossiers/paper/new', element: <PaperFilingPage /> },
          { path: 'counter', element: <CounterPage /> },
          { path: 'dossiers/:id', element: <DossierDetailPage /> },
          { path: 'population/search', element: <PersonSearchPage /> },
          { path: 'population/persons/:id', element: <PersonDetailPage /> },
          { path: 'population/stays', element: <StaysPage /> },
          { path: 'quality', element: <QualityPage /> },
          // The Project 06 dashboard: the plan's targets per period and commune (kpi.read).
          { path: 'chi-tieu', element: <KpiPage /> },
          // Values units report for a quarter and their approval (kpi.report.submit, kpi.report.approve).
          { path: 'chi-tieu/bao-cao', element: <KpiReportedPage /> },
          // The indicators and their dated versions; administrators issue a new version (kpi.indicators.manage).
          { path: 'chi-tieu/chi-so', element: <KpiIndicatorsPage /> },
          // Sector lists (issue 16 §6): imported lists, the import wizard, the review queue, the change
          // requests to the commune police, one list's links.
          { path: 'du-lieu-chuyen-nganh', element: <SectorBatchesPage /> },
          { path: 'du-lieu-chuyen-nganh/nhap', element: <SectorImportPage /> },
          { path: 'du-lieu-chuyen-nganh/ra-soat', element: <SectorReviewPage /> },
          { path: 'du-lieu-chuyen-nganh/dieu-chinh', element: <SectorChangeRequestsPage /> },
          { path: 'du-lieu-chuyen-nganh/:id', element: <SectorBatchPage /> },
          { path: 'units', element: <UnitsPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'admin/users', element: <UsersPage /> },
          { path: 'admin/calendar', element: <CalendarAdminPage /> },
          { path: 'admin/roles', element: <RolesPage /> },
          { path: 'cashless', element: <CashlessStatsPage /> },
          { path: 'cashless/import', element: <CashlessImportPage /> },
          { path: 'admin/facilities', element: <FacilitiesPage /> },
          { path: 'pilots', element: <PilotsPage /> },
          { path: 'pilots/:id', element: <PilotDetailPage /> },
          { path: 'admin/pilot-due-dates', element: <PilotDueDatesPage /> },
          { path: 'admin/procedures', element: <AdminProceduresPage /> },
          { path: 'admin/fee-lists', element: <FeeListsPage /> },
          // The job queue: queues by state, failed jobs and their retry (jobs.manage, issue 17 §1).
          { path: 'admin/jobs', element: <JobsPage /> },
          // Notifications: the outbox (notifications.outbox.read) and the templates (notifications.templates.manage).
          { path: 'admin/notifications', element: <OutboxPage /> },
          { path: 'admin/notification-templates', element: <TemplatesPage /> },
          // The national portal sync: every push, a dead push's retry, the sandbox's behaviour (portal_sync.manage, issue 17 §4).
          { path: 'admin/portal-sync', element: <PortalSyncPage /> },
          // The gateway's return lands here (payments/settlement.ts resultPagePath); open to any signed-in owner of the payment.
          { path: 'payments/result', element: <PaymentResultPage /> },
          { path: 'payments/:id/result', element: <PaymentResultPage /> },
          { path: 'fees/payments', element: <PaymentsPage /> },
          { path: 'fees/payments/:id', element: <PaymentDetailPage /> },
          { path: 'fees/reconciliation', element: <ReconciliationPage /> },
          { path: '*', element: <NotFoundPage />, handle: { notFound: true } },
        ],
      },
    ],
  },
]);
