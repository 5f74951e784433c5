import { viShell } from './messages.vi';
import { viAccount } from '../features/account/messages.vi';
import { viAuth } from '../features/auth/messages.vi';
import { viCalendar } from '../features/calendar/messages.vi';
import { viCashless } from '../features/cashless/messages.vi';
import { viCitizen } from '../features/citizen/messages.vi';
import { viCounter } from '../features/counter/messages.vi';
import { viDossiers } from '../features/dossiers/messages.vi';
import { viFees } from '../features/fees/messages.vi';
import { viOverview } from '../features/overview/messages.vi';
import { viPayments } from '../features/payments/messages.vi';
import { viPopulation } from '../features/population/messages.vi';
import { viPortal } from '../features/portal/messages.vi';
import { viProcedures } from '../features/procedures/messages.vi';
import { viQuality } from '../features/quality/messages.vi';
import { viUnits } from '../features/units/messages.vi';

/**
 * The Vietnamese UI dictionary, composed from the shell's shared text and each feature's
 * messages.vi.ts; it is the source of the keys (`MessageKey`). It loads with the app: Vietnamese is
 * the first language. The English one (dictionary.en.ts) is a chunk of its own, loaded only when a
 * visitor picks English (shell/i18n.tsx), so a first visit does not download both. The feature
 * message files are plain data that import nothing else, so the shell reading them keeps the
 * dependencies one way: features use the shell, not the reverse.
 */
export const vi = {
  ...viShell,
  ...viAccount,
  ...viAuth,
  ...viCalendar,
  ...viCashless,
  ...viCitizen,
  ...viCounter,
  ...viDossiers,
  ...viFees,
  ...viOverview,
  ...viPayments,
  ...viPopulation,
  ...viPortal,
  ...viProcedures,
  ...viQuality,
  ...viUnits,
};

export type MessageKey = keyof typeof vi;
