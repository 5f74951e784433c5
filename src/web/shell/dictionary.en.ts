import type { MessageKey } from './dictionary.vi';
import { enShell } from './messages.en';
import { enAccount } from '../features/account/messages.en';
import { enAuth } from '../features/auth/messages.en';
import { enCalendar } from '../features/calendar/messages.en';
import { enCashless } from '../features/cashless/messages.en';
import { enCitizen } from '../features/citizen/messages.en';
import { enCounter } from '../features/counter/messages.en';
import { enDossiers } from '../features/dossiers/messages.en';
import { enFees } from '../features/fees/messages.en';
import { enOverview } from '../features/overview/messages.en';
import { enPayments } from '../features/payments/messages.en';
import { enPortal } from '../features/portal/messages.en';
import { enPopulation } from '../features/population/messages.en';
import { enProcedures } from '../features/procedures/messages.en';
import { enQuality } from '../features/quality/messages.en';
import { enUnits } from '../features/units/messages.en';

/**
 * English UI text; every Vietnamese key has a translation (a feature's English file must have
 * exactly its Vietnamese keys, and the composed English must cover every key: both checked by the
 * compiler). Loaded on demand by shell/i18n.tsx.
 */
export const en: Record<MessageKey, string> = {
  ...enShell,
  ...enAccount,
  ...enAuth,
  ...enCalendar,
  ...enCashless,
  ...enCitizen,
  ...enCounter,
  ...enDossiers,
  ...enFees,
  ...enOverview,
  ...enPayments,
  ...enPopulation,
  ...enPortal,
  ...enProcedures,
  ...enQuality,
  ...enUnits,
};
