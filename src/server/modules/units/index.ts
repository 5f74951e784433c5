/**
 * Public face of the `units` module: administrative units with validity periods
 * (the pre-2025 three-tier and the current two-tier structure) and the 2025 merger mapping.
 */
export { unitsRoutes } from './units.routes';
/** Current communes, the unit tree, a unit by code on a date, successors/predecessors. */
export {
  getUnit,
  getUnitNames,
  findUnitCached,
  getUnitTree,
  getUnitHierarchy,
  listCommunes,
  listLinkedUnits,
  listUnits,
  successorCodes,
  type UnitHierarchy,
} from './units.service';
/** The code (QCVN 102:2016) of the agency receiving dossiers in a commune, the first part of dossier codes. */
export { receivingAgencyCode, unconfirmedAgencyCodes, type ReceivingAgency } from './agency-codes';
/**
 * Help desks (where to get help in person), dated rows: recording one — for the demo seed;
 * administrators use the routes — and how many are recorded.
 */
export { recordHelpDesk, countHelpDesks, type Recorder } from './help-desks.service';
/** Loading the province's reference data into the database. */
export { loadProvinceUnits, ensureProvinceUnits, REFERENCE_DIR } from './units.loader';
