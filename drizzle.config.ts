import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/modules/*/*.schema.ts',
  out: './migrations',
  schemaFilter: [
    'units',
    'population',
    'identity',
    'audit',
    'eid_sandbox',
    'counter',
    'procedures',
    'calendar',
    'dossiers',
    'cashless',
    'fees',
    'payments',
    'payment_sandbox',
    'kpi',
    'pilots',
    'sector_data',
    'service_index',
    'notifications',
    'portal_sync',
    'documents',
  ],
});
