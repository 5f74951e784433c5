// The fees feature's public face: other features import only this file.
export * from './pages';

/** What other features use: the fee summary (filing page) and the quote. */
export { FeeSummary, type FeeSummaryProps } from './FeeSummary';
export { getFeeQuote, type FeeQuote } from './fees-api';
