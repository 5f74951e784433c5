import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { SessionRoot } from './SessionRoot';

// One chunk per feature page: antd pages load only what they show, echarts only on /quality.
const HomePage = lazy(() => import('./HomePage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const PersonSearchPage = lazy(() => import('../features/population/PersonSearchPage'));
const PersonDetailPage = lazy(() => import('../features/population/PersonDetailPage'));
const QualityPage = lazy(() => import('../features/quality/QualityPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const MyRecordPage = lazy(() => import('../features/citizen/MyRecordPage'));
const AccessLogPage = lazy(() => import('../features/citizen/AccessLogPage'));
const ConsentsPage = lazy(() => import('../features/citizen/ConsentsPage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const UsersPage = lazy(() => import('../features/admin/UsersPage'));

/**
 * The client-side routes; the server returns index.html for every non-API path. Which pages a
 * session may open is decided by navigation.ts (AppLayout shows 403 for the others).
 */
export const router = createBrowserRouter([
  {
    element: <SessionRoot />,
    children: [
      { path: 'login', element: <LoginPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'me', element: <MyRecordPage /> },
          { path: 'me/access-log', element: <AccessLogPage /> },
          { path: 'me/consents', element: <ConsentsPage /> },
          { path: 'population/search', element: <PersonSearchPage /> },
          { path: 'population/persons/:id', element: <PersonDetailPage /> },
          { path: 'quality', element: <QualityPage /> },
          { path: 'units', element: <UnitsPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'admin/users', element: <UsersPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
