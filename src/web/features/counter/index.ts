/** What other web features use from the counter feature: the ID lookup that names the citizen at the counter, and whether this browser is a counter device. */
export { fetchCounterDevice, lookupCitizen } from './counter-api';
