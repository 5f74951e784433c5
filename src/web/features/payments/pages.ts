import { lazy } from 'react';

/**
 * The pages of the online fee payment feature, for the router: each is loaded (a chunk of its own) when its
 * route first opens. The router imports this file rather than index.ts so that the main chunk
 * does not carry what index.ts gives other features (forms, cards) before a page needs it.
 */
export const PaymentResultPage = lazy(() => import('./PaymentResultPage'));
export const PaymentsPage = lazy(() => import('./PaymentsPage'));
export const PaymentDetailPage = lazy(() => import('./PaymentDetailPage'));
export const ReconciliationPage = lazy(() => import('./ReconciliationPage'));
export const ReceiptVerificationPage = lazy(() => import('./ReceiptVerificationPage'));
