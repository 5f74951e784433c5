import type { viCalendar } from './messages.vi';

/** English text of the working-day calendar and the deadline calculator. The compiler checks that every Vietnamese key has one. */
export const enCalendar: Record<keyof typeof viCalendar, string> = {
  'calendar.title': 'Working-day calendar',
  'calendar.intro':
    'Public holidays, compensatory days off, swapped days off and working Saturdays of State offices. Dossier deadlines are computed on this calendar. For a year the Government has not announced yet, the schedule is provisional, derived from the Labour Code 2019 and the lunar calendar.',
  'calendar.year': 'Year',
  'calendar.prevYear': 'Previous year',
  'calendar.nextYear': 'Next year',
  'calendar.status.announced': 'Announced',
  'calendar.status.provisional': 'Provisional',
  'calendar.status.derived': 'Derived from the law, not stored',
  'calendar.source': 'Source',
  'calendar.workingDays': 'Working days in the year: {count}',
  'calendar.workingHours': 'Working hours: {hours}',
  'calendar.updatedAt': 'Updated: {when}',
  'calendar.provisionalNote':
    'The {year} schedule is provisional. Deadlines falling in that year are provisional too until the official announcement.',
  'calendar.derivedNote':
    'The first edit stores this year’s whole provisional schedule so that you can go on editing it.',

  'calendar.col.date': 'Date',
  'calendar.col.kind': 'Kind',
  'calendar.col.name': 'Name',
  'calendar.col.source': 'Source',
  'calendar.col.actions': 'Actions',
  'calendar.empty': 'No days off or working Saturdays in this year.',

  'calendar.kind.holiday': 'Public holiday',
  'calendar.kind.compensatory': 'Compensatory day off',
  'calendar.kind.swapped': 'Swapped day off',
  'calendar.kind.working_saturday': 'Working Saturday',

  'calendar.weekday.0': 'Sunday',
  'calendar.weekday.1': 'Monday',
  'calendar.weekday.2': 'Tuesday',
  'calendar.weekday.3': 'Wednesday',
  'calendar.weekday.4': 'Thursday',
  'calendar.weekday.5': 'Friday',
  'calendar.weekday.6': 'Saturday',

  'calendar.add': 'Add a day',
  'calendar.add.title': 'Add a day off or a working Saturday',
  'calendar.edit': 'Edit',
  'calendar.edit.title': 'Edit {date}',
  'calendar.editLabel': 'Edit {date}',
  'calendar.delete': 'Delete',
  'calendar.deleteLabel': 'Delete {date}',
  'calendar.delete.confirm': 'Delete {date} from the calendar? It becomes an ordinary working day (or weekend day).',
  'calendar.save': 'Save',
  'calendar.cancel': 'Cancel',
  'calendar.saved': 'Saved',
  'calendar.deleted': 'Deleted',
  'calendar.field.date': 'Date',
  'calendar.field.kind': 'Kind of day',
  'calendar.field.kindHint':
    'A holiday on a Saturday or Sunday: enter its compensatory day off on the next working day.',
  'calendar.field.name': 'Name of the day',
  'calendar.field.namePlaceholder': 'e.g. Lunar New Year',
  'calendar.field.source': 'Source (legal text, announcement)',
  'calendar.field.sourcePlaceholder': 'e.g. Announcement No. …/TB-BNV of the Ministry of Home Affairs',
  'calendar.field.required': 'This field is required',
  'calendar.field.sourceRequired': 'Enter the source (at least 3 characters)',

  'calendar.year.edit': 'Set the year’s source',
  'calendar.year.editTitle': 'Source of the {year} schedule',
  'calendar.year.announced': 'The Government has announced this schedule (no longer provisional)',
  'calendar.year.reset': 'Back to the provisional schedule',
  'calendar.year.resetConfirm':
    'Drop the stored {year} schedule and use the provisional one derived from the Labour Code again?',
  'calendar.year.resetDone': 'Back to the provisional schedule',

  'deadline.title': 'Deadline calculator',
  'deadline.intro':
    'Time limits run in working days from the day after a complete dossier is received. A dossier received outside working hours or on a day off counts as received at the start of the next working period.',
  'deadline.receivedAt': 'Complete dossier received at',
  'deadline.workingDays': 'Time limit (working days)',
  'deadline.workingDaysHint': 'In half days: 0 (immediate), 0.5, 1, 1.5…',
  'deadline.compute': 'Compute',
  'deadline.effective': 'Counts as received at',
  'deadline.due': 'Result due',
  'deadline.provisional': 'Provisional: the {years} schedule is not announced yet',
};
