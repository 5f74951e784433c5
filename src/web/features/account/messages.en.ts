import type { viAccount } from './messages.vi';

/** English text of the staff account page. The compiler checks that every Vietnamese key has one. */
export const enAccount: Record<keyof typeof viAccount, string> = {
  'account.title': 'Password and security',
  'account.intro': 'Your roles, your password and two-step sign-in.',
  'account.mustChange': 'You are using a temporary password. Set a new one before you continue.',
  'account.roles': 'Your roles',
  'account.name': 'Name',
  'account.password.title': 'Change password',
  'account.password.current': 'Current password',
  'account.password.new': 'New password',
  'account.password.hint': 'At least 12 characters; a sentence you remember works well. Do not include your username.',
  'account.password.newRequired': 'Enter a new password',
  'account.password.confirm': 'New password again',
  'account.password.confirmRequired': 'Enter the new password again',
  'account.password.mismatch': 'The two new passwords are not the same',
  'account.password.submit': 'Change password',
  'account.password.done': 'Password changed',
  'account.totp.title': 'Two-step sign-in (6-digit code)',
  'account.totp.intro':
    'When on, every sign-in also needs a 6-digit code from an authenticator app on your phone (Google Authenticator, Microsoft Authenticator…).',
  'account.totp.start': 'Set up two-step sign-in',
  'account.totp.notYet': 'Not on yet. Complete the 3 steps below.',
  'account.totp.step1': 'Open the authenticator app on your phone and add an account.',
  'account.totp.step2': 'Scan the QR code, or type in the secret key below.',
  'account.totp.step3': 'Enter the 6-digit code the app shows to confirm.',
  'account.totp.secret': 'Secret key',
  'account.totp.uri': 'otpauth address',
  'account.totp.confirm': 'Turn on two-step sign-in',
  'account.totp.cancel': 'Later',
  'account.totp.enabled': 'Two-step sign-in is on. Your next sign-in will ask for a 6-digit code.',

  'account.totp.status': 'Two-step sign-in',
  'account.totp.on': 'On',
  'account.totp.off': 'Off',
  'account.totp.onText':
    'Each sign-in needs a 6-digit code from your authenticator app. Each code works once. To turn it off or move to a new phone, ask an administrator.',
  'account.notice.title': '{count} failed sign-ins to your account {since}',
  'account.notice.since': 'since your previous sign-in ({at})',
  'account.notice.sinceCreated': 'since the account was created',
  'account.notice.addresses': 'From the addresses: {addresses}.',
  'account.notice.advice':
    'If it was not you, change your password, turn on two-step sign-in and tell an administrator.',
};
