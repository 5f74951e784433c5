import type { IndicatorSource } from './platform/indicator-sources';
import type { SourceMap } from './modules/kpi';
import { CASHLESS_INDICATOR_SOURCES } from './modules/cashless';
import { COUNTER_INDICATOR_SOURCES } from './modules/counter';
import { cashFeeCounts, cashFeePage, DOSSIER_INDICATOR_SOURCES } from './modules/dossiers';
import { paymentIndicatorSources } from './modules/payment-reconciliation';
import { POPULATION_INDICATOR_SOURCES } from './modules/population';
import { PILOTS_INDICATOR_SOURCES } from './modules/pilots';
import { SECTOR_INDICATOR_SOURCES } from './modules/sector-data';
import { SERVICE_INDEX_INDICATOR_SOURCES } from './modules/service-index';

/**
 * The composition root's list of indicator sources (issue 15 §1): every module that counts
 * something the plan measures publishes its sources, and this is the one place they meet the kpi
 * module. A module added later (sector data, pilot models) adds its line here; kpi does not change,
 * and its indicators stop being "no data" on the next run.
 */
export function indicatorSources(): SourceMap {
  const all: IndicatorSource[] = [
    ...COUNTER_INDICATOR_SOURCES,
    ...POPULATION_INDICATOR_SOURCES,
    ...DOSSIER_INDICATOR_SOURCES,
    ...CASHLESS_INDICATOR_SOURCES,
    ...paymentIndicatorSources(cashFeeCounts, cashFeePage),
    ...PILOTS_INDICATOR_SOURCES,
    ...SECTOR_INDICATOR_SOURCES,
    ...SERVICE_INDEX_INDICATOR_SOURCES,
  ];
  const map = new Map<string, IndicatorSource>();
  for (const s of all) {
    if (map.has(s.key)) throw new Error(`two indicator sources publish ${s.key}`);
    map.set(s.key, s);
  }
  return map;
}
