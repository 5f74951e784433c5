import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../shell/AppLayout';
import { SessionRoot } from './SessionRoot';

// One chunk per feature page: antd pages load only what they show, echarts only on /quality.
const HomePage = lazy(() => import('../shell/HomePage'));
const NotFoundPage = lazy(() => import('../shell/NotFoundPage'));
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const PersonSearchPage = lazy(() => import('../features/population/PersonSearchPage'));
const PersonDetailPage = lazy(() => import('../features/population/PersonDetailPage'));
const QualityPage = lazy(() => import('../features/quality/QualityPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const MyRecordPage = lazy(() => import('../features/citizen/MyRecordPage'));
const AccessLogPage = lazy(() => import('../features/citizen/AccessLogPage'));
const ConsentsPage = lazy(() => import('../features/citizen/ConsentsPage'));
const FilingPage = lazy(() => import('../features/dossiers/FilingPage'));
const MyDossiersPage = lazy(() => import('../features/dossiers/MyDossiersPage'));
const MyDossierPage = lazy(() => import('../features/dossiers/MyDossierPage'));
const StatusLookupPage = lazy(() => import('../features/dossiers/StatusLookupPage'));
const WorkqueuePage = lazy(() => import('../features/dossiers/WorkqueuePage'));
const CounterPage = lazy(() => import('../features/counter/CounterPage'));
const DossierDetailPage = lazy(() => import('../features/dossiers/DossierDetailPage'));
const PaperFilingPage = lazy(() => import('../features/dossiers/PaperFilingPage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const UsersPage = lazy(() => import('../features/admin/UsersPage'));
const CalendarAdminPage = lazy(() => import('../features/calendar/CalendarAdminPage'));
const RolesPage = lazy(() => import('../features/admin/RolesPage'));
const CashlessStatsPage = lazy(() => import('../features/cashless/CashlessStatsPage'));
const CashlessImportPage = lazy(() => import('../features/cashless/CashlessImportPage'));
const FacilitiesPage = lazy(() => import('../features/cashless/FacilitiesPage'));
const CatalogPage = lazy(() => import('../features/procedures/CatalogPage'));
const ProcedurePage = lazy(() => import('../features/procedures/ProcedurePage'));
const AdminProceduresPage = lazy(() => import('../features/procedures/AdminProceduresPage'));
const FeeListsPage = lazy(() => import('../features/fees/FeeListsPage'));
const PaymentResultPage = lazy(() => import('../features/payments/PaymentResultPage'));
const PaymentsPage = lazy(() => import('../features/payments/PaymentsPage'));
const PaymentDetailPage = lazy(() => import('../features/payments/PaymentDetailPage'));
const ReconciliationPage = lazy(() => import('../features/payments/ReconciliationPage'));

/**
 * The client-side routes; the server returns index.html for every non-API path. Which pages a
 * session may open is decided by navigation.ts (AppLayout shows 403 for the others).
 */
export const router = createBrowserRouter([
  {
    element: <SessionRoot />,
    children: [
      { path: 'login', element: <LoginPage /> },
      // Public (works signed out): the QR code on the receipt slip opens /tra-cuu?ma=<code>.
      { path: 'tra-cuu', element: <StatusLookupPage /> },
      // Public (works signed out): the procedure catalog and a procedure's page (filing is under AppLayout).
      { path: 'procedures', element: <CatalogPage /> },
      { path: 'procedures/:code', element: <ProcedurePage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'me', element: <MyRecordPage /> },
          { path: 'me/access-log', element: <AccessLogPage /> },
          { path: 'me/consents', element: <ConsentsPage /> },
          { path: 'me/dossiers', element: <MyDossiersPage /> },
          { path: 'me/dossiers/:id', element: <MyDossierPage /> },
          { path: 'procedures/:code/file', element: <FilingPage /> },
          { path: 'dossiers', element: <WorkqueuePage /> },
          // An officer enters a citizen's paper filing (staff area: the guard of /dossiers applies).
          { path: 'dossiers/paper/new', element: <PaperFilingPage /> },
          { path: 'counter', element: <CounterPage /> },
          { path: 'dossiers/:id', element: <DossierDetailPage /> },
          { path: 'population/search', element: <PersonSearchPage /> },
          { path: 'population/persons/:id', element: <PersonDetailPage /> },
          { path: 'quality', element: <QualityPage /> },
          { path: 'units', element: <UnitsPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'admin/users', element: <UsersPage /> },
          { path: 'admin/calendar', element: <CalendarAdminPage /> },
          { path: 'admin/roles', element: <RolesPage /> },
          { path: 'cashless', element: <CashlessStatsPage /> },
          { path: 'cashless/import', element: <CashlessImportPage /> },
          { path: 'admin/facilities', element: <FacilitiesPage /> },
          { path: 'admin/procedures', element: <AdminProceduresPage /> },
          { path: 'admin/fee-lists', element: <FeeListsPage /> },
          // The gateway's return lands here (payments/settlement.ts resultPagePath); open to any signed-in owner of the payment.
          { path: 'payments/result', element: <PaymentResultPage /> },
          { path: 'payments/:id/result', element: <PaymentResultPage /> },
          { path: 'fees/payments', element: <PaymentsPage /> },
          { path: 'fees/payments/:id', element: <PaymentDetailPage /> },
          { path: 'fees/reconciliation', element: <ReconciliationPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
