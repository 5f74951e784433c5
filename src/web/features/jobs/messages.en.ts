import type { viJobs } from './messages.vi';

/** English text of the job queue page (/admin/jobs). */
export const enJobs: Record<keyof typeof viJobs, string> = {
  'jobs.title': 'Job queue',
  'jobs.intro':
    'The system’s background work (sending notifications, sync, payment expiry, indicator runs…): jobs by state, the jobs that failed their last attempt, and retrying one.',
  'jobs.queues': 'Queues',
  'jobs.queue': 'Queue',
  'jobs.ready': 'Ready',
  'jobs.deferred': 'Deferred',
  'jobs.active': 'Running',
  'jobs.failed': 'Failed',
  'jobs.deadLetters': 'Awaiting retry',
  'jobs.schedule': 'Schedule (Vietnam time)',
  'jobs.noSchedule': '—',
  'jobs.failedJobs': 'Failed jobs',
  'jobs.failedIntro':
    'Jobs that used up their attempts. Their data shows identifiers only; any other value (names, ID numbers, phone numbers) shows as “…”.',
  'jobs.data': 'Data',
  'jobs.error': 'Error',
  'jobs.attempts': 'Attempts',
  'jobs.enqueuedAt': 'Enqueued',
  'jobs.failedAt': 'Failed',
  'jobs.retry': 'Retry',
  'jobs.retried': 'Job {id} is back in queue {queue}.',
  'jobs.noFailed': 'No failed jobs.',
  'jobs.refresh': 'Reload',
};
