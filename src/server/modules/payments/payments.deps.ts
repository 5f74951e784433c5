import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { PaymentGateway } from './gateway';
import type { WarnLogger } from './security-events';

/** What the use cases need from the application. */
export interface PaymentDeps {
  db: Db;
  config: Pick<Config, 'PUBLIC_URL' | 'PAYMENT_EXPIRY_MINUTES'>;
  gateway: PaymentGateway;
  /** The clock (tests move it). */
  now?: () => Date;
  log?: WarnLogger;
}
