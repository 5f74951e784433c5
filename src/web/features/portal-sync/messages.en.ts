import type { viPortalSync } from './messages.vi';

/** English text of the national-portal sync page (/admin/portal-sync). */
export const enPortalSync: Record<keyof typeof viPortalSync, string> = {
  'portalSync.title': 'National Public Service Portal sync',
  'portalSync.intro':
    'Every state change of a dossier is pushed to the National Public Service Portal, in order for each dossier. A failed push is retried; when its attempts run out it stops, and the later changes of that dossier wait until it is retried.',
  'portalSync.pushes': 'Pushes',
  'portalSync.filterState': 'State',
  'portalSync.filterCode': 'Dossier code',
  'portalSync.all': 'All',
  'portalSync.state.pending': 'Pending',
  'portalSync.state.sent': 'Sent',
  'portalSync.state.dead': 'Stopped',
  'portalSync.dossierCode': 'Dossier code',
  'portalSync.seq': 'Seq',
  'portalSync.status': 'Status sent',
  'portalSync.attempts': 'Attempts',
  'portalSync.lastError': 'Last error',
  'portalSync.sentAt': 'Sent at',
  'portalSync.lastAttemptAt': 'Last attempt',
  'portalSync.retry': 'Retry',
  'portalSync.retried': 'Push {seq} of dossier {code} is queued again.',
  'portalSync.refresh': 'Refresh',
  'portalSync.empty': 'No push yet.',
  'portalSync.counts': 'Pending: {pending} · Sent: {sent} · Stopped: {dead}',
  'portalSync.sandbox': 'National portal sandbox (development)',
  'portalSync.sandboxIntro':
    'A stand-in for the national portal’s sync endpoint. Make it answer 500 or answer slowly to try the retries.',
  'portalSync.sandboxFailing': 'Answer 500 to every push',
  'portalSync.sandboxDelay': 'Delay per push (milliseconds, 0–60000)',
  'portalSync.sandboxSave': 'Save',
  'portalSync.sandboxSaved': 'The sandbox’s behaviour is saved.',
  'portalSync.sandboxOpen': 'See what the sandbox received, per dossier',
  'portalSync.sandboxOff': 'The sandbox does not run here.',
};
