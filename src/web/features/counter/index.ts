// The the counter support log feature's public face: other features import only this file.
export * from './pages';

/** What other features use: the ID lookup that names the citizen at the counter, and whether this browser is a counter device. */
export { fetchCounterDevice, lookupCitizen } from './counter-api';
