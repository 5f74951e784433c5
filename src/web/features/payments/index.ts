// The online fee payment feature's public face: other features import only this file.
export * from './pages';

/** What other features use: the "Thanh toán lệ phí" card of the citizen's dossier page. */
export { PayFeeCard } from './PayFeeCard';
