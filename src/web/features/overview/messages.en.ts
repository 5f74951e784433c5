import type { viOverview } from './messages.vi';

/** English text of the overview leaders and the Standing Agency land on. */
export const enOverview: Record<keyof typeof viOverview, string> = {
  'overview.title': 'Overview: {unit}',
  'overview.intro': "The modules' current figures; each says its period. Open a title for the details.",
  'overview.noData': 'No figures yet',
  'overview.period': 'From {from} to {to}',
  'overview.months': 'Months {from} – {to}',
  'overview.month': 'Month {month}',
  'overview.dossiers.title': 'Dossiers filed in the last 30 days',
  'overview.dossiers.byChannel': 'By channel',
  'overview.dossiers.byState': 'By current state',
  'overview.dossiers.none': 'No dossier was filed in the period.',
  'overview.onTime.title': 'Decided on time',
  'overview.onTime.detail': '{onTime} of {decided} dossiers decided in the period were on time',
  'overview.onTime.overdue': 'Overdue now: {count} dossiers',
  'overview.fees.title': 'Fees paid online',
  'overview.fees.detail': '{online} paid online, {cash} paid in cash at the counter',
  'overview.cashless.title': 'Cashless payments (schools, health facilities)',
  'overview.cashless.detail': '{reporting} of {registered} facilities reported',
  'overview.cashless.none': 'No facility reported in the last 12 months.',
  'overview.quality.title': 'Population data quality',
  'overview.quality.detail': '{withFindings} of {persons} persons have findings to clean',
  'overview.quality.asOf': 'Assessed on {date}, finished at {at}',
  'overview.quality.none': 'The first assessment is running (automatic at start, then daily).',
  'overview.link': 'Details',
};
