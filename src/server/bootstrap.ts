import type { Config } from './platform/config';
import { openMigratedDatabase, type Database } from './platform/db';
import { ensureProvinceUnits, unconfirmedAgencyCodes } from './modules/units';
import { countPersons } from './modules/population';
import { DEMO_LIST_SKIP, seedDemoPilots, seedDemoProvince, seedDemoSectorLists } from './modules/demo';
import { ensureDefaultRoles, ensureDemoAccounts } from './modules/identity';
import { seedCalendar } from './modules/calendar';
import { seedProcedures } from './modules/procedures';
import { seedDemoFacilities } from './modules/cashless';
import { seedFeeLists, setFeeWaiversNotApplied } from './modules/fees';
import { seedDemoDossiers } from './modules/dossiers';
import { seedIndicators } from './modules/kpi';
import { seedTemplates } from './modules/notifications';

/**
 * Prepares a database for serving: migrations, the province's administrative units, and —
 * on an empty registry with SEED_DEMO=auto — the synthetic demo province.
 */
export async function prepareDatabase(config: Config, log: (msg: string) => void): Promise<Database> {
  setFeeWaiversNotApplied(config.FEE_WAIVERS_NOT_APPLIED);
  if (config.FEE_WAIVERS_NOT_APPLIED.length)
    log(`temporary fee waivers not applied (FEE_WAIVERS_NOT_APPLIED): ${config.FEE_WAIVERS_NOT_APPLIED.join(', ')}`);
  const opening = Date.now();
  const database = await openMigratedDatabase(config, { command: 'serve', url: config.PUBLIC_URL });
  log(
    `opened the ${database.kind} database and applied its migrations (${((Date.now() - opening) / 1000).toFixed(1)} s)`,
  );
  if (await ensureProvinceUnits(database.db, config.PROVINCE_CODE))
    log(`loaded administrative units of province ${config.PROVINCE_CODE}`);
  const placeholders = await unconfirmedAgencyCodes(config.PROVINCE_CODE);
  if (placeholders)
    log(
      `${placeholders} receiving agencies have placeholder codes (QCVN 102:2016) in dossier codes until the province's official list is loaded (reference/admin-units/${config.PROVINCE_CODE}-agency-codes.json)`,
    );
  await ensureDefaultRoles(database.db);
  await seedCalendar(database.db); // announced 2024–2026 schedules, for years not stored yet
  const procedures = await seedProcedures(database.db); // the procedure catalog's reference data (always, not only in demo)
  if (procedures.created) log(`loaded ${procedures.created} procedure versions from reference/procedures`);
  const feeLists = await seedFeeLists(database.db); // exemption lists (provisional for Lai Châu), for lists not stored yet
  if (feeLists.length) log(`loaded fee exemption lists: ${feeLists.join(', ')}`);
  const indicators = await seedIndicators(database.db); // the plan's indicators (reference/kpi), for codes not stored yet
  if (indicators) log(`loaded ${indicators} Project 06 indicators from reference/kpi`);
  await seedTemplates(database.db); // version 1 of each notification template, for events that have none
  if (config.SEED_DEMO === 'auto' && config.NODE_ENV !== 'production') {
    const created = await ensureDemoAccounts(database.db);
    if (created) log(`created ${created} demo staff accounts (see README)`);
  }
  if (config.SEED_DEMO === 'auto' && config.DEMO_PEOPLE > 0 && (await countPersons(database.db)) === 0) {
    log(`empty registry: seeding the demo province with ~${config.DEMO_PEOPLE} synthetic people`);
    const result = await seedDemoProvince(database, { people: config.DEMO_PEOPLE, provinceCode: config.PROVINCE_CODE });
    log(`seeded ${result.people} people in ${result.households} households (${(result.ms / 1000).toFixed(1)} s)`);
    const dossiers = await seedDemoDossiers(database.db, {
      perCommune: 6,
      provinceCode: config.PROVINCE_CODE,
      provinceAgencyCode: config.PROVINCE_AGENCY_CODE!, // required in production, the demo's code elsewhere
      pseudonymKey: config.AUDIT_PSEUDONYM_KEY,
    });
    if (dossiers) log(`seeded ${dossiers} synthetic dossiers across every state`);
  }
  if (config.SEED_DEMO === 'auto' && config.DEMO_PEOPLE > 0) {
    // Synthetic lists of the other agencies, imported and linked (targets 6, 8–13); never beside the
    // province's own lists, and a seeding cut short at a first start is finished at the next.
    const lists = await seedDemoSectorLists(database, { provinceCode: config.PROVINCE_CODE, skip: DEMO_LIST_SKIP });
    if (lists.batches || lists.linked)
      log(
        `seeded ${lists.batches} demo sector lists: ${lists.rows} rows (${lists.errorRows} with errors), ${lists.linked} linked to the registry (${(lists.ms / 1000).toFixed(1)} s)`,
      );
    const facilities = await seedDemoFacilities(database.db); // synthetic schools and health facilities; only into an empty register
    if (facilities.created)
      log(`seeded ${facilities.created} demo schools and health facilities with ${facilities.figures} monthly figures`);
    const pilots = await seedDemoPilots(database.db, config.DATA_DIR); // synthetic pilot models (target 14); only into an empty register
    if (pilots) log(`seeded ${pilots} demo pilot models`);
  }
  return database;
}
