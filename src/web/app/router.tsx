import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout';

// One chunk per feature page: antd pages load only what they show, echarts only on /quality.
const HomePage = lazy(() => import('./HomePage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));
const PersonSearchPage = lazy(() => import('../features/population/PersonSearchPage'));
const PersonDetailPage = lazy(() => import('../features/population/PersonDetailPage'));
const QualityPage = lazy(() => import('../features/quality/QualityPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));

/** The client-side routes; the server returns index.html for every non-API path. */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'population/search', element: <PersonSearchPage /> },
      { path: 'population/persons/:id', element: <PersonDetailPage /> },
      { path: 'quality', element: <QualityPage /> },
      { path: 'units', element: <UnitsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
