import type { viQuality } from './messages.vi';

/** English text of the data quality page. The compiler checks that every Vietnamese key has one. */
export const enQuality: Record<keyof typeof viQuality, string> = {
  'quality.title': 'Population data quality',
  'quality.description':
    'Data must be "correct, complete, clean, live". A commune’s score is the share of persons with no problem.',
  'quality.empty':
    'No assessment yet. The system assesses the data when it starts and once a day; please come back in a few minutes.',
  'quality.run.button': 'Run assessment',
  'quality.run.running': 'Assessing…',
  'quality.run.done': 'Assessment finished',
  'quality.runInfo': 'Run no. {run}, finished at {at}.',
  'quality.unplaced': '{count} persons have no known commune of residence.',
  'quality.stat.score': 'Province score',
  'quality.stat.persons': 'Persons',
  'quality.stat.withFindings': 'Persons with problems',
  'quality.stat.asOf': 'As of',
  'quality.map.title': 'Score map by commune',
  'quality.map.label':
    'Map of the communes of Lai Châu coloured by quality score; the figures are in the table next to it.',
  'quality.map.score': 'Score',
  'quality.map.noData': 'No data yet',
  'quality.map.high': 'High',
  'quality.map.low': 'Low',
  'quality.table.title': 'Scores by commune ({count})',
  'quality.table.commune': 'Commune',
  'quality.table.score': 'Score',
  'quality.table.persons': 'Persons',
  'quality.table.withFindings': 'With problems',
  'quality.rules.heading': 'Checking rules',
  'quality.rules.title': 'Rule',
  'quality.rules.class': 'Class',
  'quality.rules.severity': 'Severity',
  'quality.rules.code': 'Code',
  'quality.rules.findings': 'Findings',
};
