/** What other web features use from the payments feature: the "Thanh toán lệ phí" card of the citizen's dossier page. */
export { PayFeeCard } from './PayFeeCard';
