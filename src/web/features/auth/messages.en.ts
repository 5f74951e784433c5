import type { viAuth } from './messages.vi';

/** English text of sign-in. The compiler checks that every Vietnamese key has one. */
export const enAuth: Record<keyof typeof viAuth, string> = {
  'login.title': 'Sign in',
  'login.intro': 'Choose how you sign in.',
  'login.expired': 'Your session has ended. Sign in again to continue.',
  'login.eidUnavailable':
    'The e-identification service (VNeID) is not answering. Please try again in a few minutes, or ask at the one-stop counter.',
  'login.eidFailed': 'The VNeID sign-in did not finish or took too long. Please sign in again.',
  'login.signedOut': 'You have signed out.',
  'login.citizen.title': 'Citizens',
  'login.citizen.text':
    'Use your electronic identification account (VNeID app) to see your residence data, who viewed your data, and your consents.',
  'login.citizen.button': 'Sign in with VNeID',
  'login.citizen.level':
    'Residence procedures need a level 2 e-ID account. A level 1 account can see only some information.',
  'login.staff.title': 'Staff',
  'login.staff.text': 'Sign in with the account your agency gave you.',
  'login.usernameRequired': 'Enter your username',
  'login.password': 'Password',
  'login.totpHint': 'Open the authenticator app on your phone and enter the 6-digit code it shows.',
  'login.staffSubmit': 'Sign in with my account',
};
