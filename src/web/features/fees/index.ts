/** What other web features use from the fees feature: the fee summary (filing page) and the quote. */
export { FeeSummary, type FeeSummaryProps } from './FeeSummary';
export { getFeeQuote, type FeeQuote } from './fees-api';
