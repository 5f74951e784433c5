import { lazy } from 'react';

/** The job queue page (administrators, jobs.manage), loaded when its route first opens. */
export const JobsPage = lazy(() => import('./JobsPage'));
