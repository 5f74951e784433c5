import { viShell } from './messages.vi';
import { enShell } from './messages.en';
import { viAccount } from '../features/account/messages.vi';
import { enAccount } from '../features/account/messages.en';
import { viAdmin } from '../features/admin/messages.vi';
import { enAdmin } from '../features/admin/messages.en';
import { viAuth } from '../features/auth/messages.vi';
import { enAuth } from '../features/auth/messages.en';
import { viCalendar } from '../features/calendar/messages.vi';
import { enCalendar } from '../features/calendar/messages.en';
import { viCashless } from '../features/cashless/messages.vi';
import { enCashless } from '../features/cashless/messages.en';
import { viCitizen } from '../features/citizen/messages.vi';
import { enCitizen } from '../features/citizen/messages.en';
import { viCounter } from '../features/counter/messages.vi';
import { enCounter } from '../features/counter/messages.en';
import { viDossiers } from '../features/dossiers/messages.vi';
import { enDossiers } from '../features/dossiers/messages.en';
import { viFees } from '../features/fees/messages.vi';
import { enFees } from '../features/fees/messages.en';
import { viPayments } from '../features/payments/messages.vi';
import { enPayments } from '../features/payments/messages.en';
import { viPopulation } from '../features/population/messages.vi';
import { viPortal } from '../features/portal/messages.vi';
import { enPortal } from '../features/portal/messages.en';
import { enPopulation } from '../features/population/messages.en';
import { viProcedures } from '../features/procedures/messages.vi';
import { enProcedures } from '../features/procedures/messages.en';
import { viQuality } from '../features/quality/messages.vi';
import { enQuality } from '../features/quality/messages.en';
import { viUnits } from '../features/units/messages.vi';
import { enUnits } from '../features/units/messages.en';

/**
 * The UI dictionaries, composed from the shell's shared text and each feature's messages.vi.ts /
 * messages.en.ts. Vietnamese is the source of the keys; a feature's English file must have
 * exactly its Vietnamese keys, and the composed English must cover every key (both checked by
 * the compiler). The feature message files are plain data that import nothing else, so the
 * shell reading them keeps the dependencies one way: features use the shell, not the reverse.
 */
export const vi = {
  ...viShell,
  ...viAccount,
  ...viAdmin,
  ...viAuth,
  ...viCalendar,
  ...viCashless,
  ...viCitizen,
  ...viCounter,
  ...viDossiers,
  ...viFees,
  ...viPayments,
  ...viPopulation,
  ...viPortal,
  ...viProcedures,
  ...viQuality,
  ...viUnits,
};

export type MessageKey = keyof typeof vi;

/** English UI text; every Vietnamese key has a translation. */
export const en: Record<MessageKey, string> = {
  ...enShell,
  ...enAccount,
  ...enAdmin,
  ...enAuth,
  ...enCalendar,
  ...enCashless,
  ...enCitizen,
  ...enCounter,
  ...enDossiers,
  ...enFees,
  ...enPayments,
  ...enPopulation,
  ...enPortal,
  ...enProcedures,
  ...enQuality,
  ...enUnits,
};
