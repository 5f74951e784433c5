/** What other web features use from the dossiers feature: the filings made on counter devices (for the counter log). */
export { fetchAssistedFilings } from './dossiers-api';
