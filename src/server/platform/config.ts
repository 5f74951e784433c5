import { createPrivateKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_WORKING_HOURS, parseWorkingHours } from '../../contracts/calendar';
import { DEMO_PROVINCE_AGENCY_CODE, LEVEL1_AGENCY_CODE_FORM } from '../../contracts/agency-codes';

/**
 * Runtime configuration, parsed and validated once at start. Nothing else in the
 * codebase reads `process.env` (the house rule): pass the parsed `Config` down.
 */
export const Config = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    /** PostgreSQL timeouts (ADR 0014): opening a connection or waiting for a free one in the pool. */
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    /** Server-side limit of one statement of a request (statement_timeout); seeding and the quality run are not limited. */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
    /** Client-side wait for any answer to a statement: above DB_STATEMENT_TIMEOUT_MS; catches a database that stalls. */
    DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(200).max(3_600_000).optional(),
    /** A transaction idle for longer is ended by the server (idle_in_transaction_session_timeout), freeing its locks. */
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
    DATA_DIR: z.string().default('./data'),
    PUBLIC_URL: z.string().url().optional(),
    PROVINCE_CODE: z
      .string()
      .regex(/^\d{2}$/, 'must be a 2-digit province code')
      .default('12'),
    /**
     * The province People's Committee's agency code (QCVN 102:2016, `000.00.00.Hnn`): its level-1 group
     * ends every receiving agency's code in dossier codes. Required in production; elsewhere the demo's
     * `000.00.00.X99`, which no province has.
     */
    PROVINCE_AGENCY_CODE: z
      .string()
      .regex(LEVEL1_AGENCY_CODE_FORM, "must be a province's agency code of the QCVN 102:2016 form 000.00.00.Hnn")
      .optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Key of the keyed pseudonym (HMAC) of ID numbers in the access log. */
    AUDIT_PSEUDONYM_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    /** How often the server chains staged access-log entries (ADR 0004). */
    AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
    /** Ed25519 private key (base64 PKCS#8 DER, or PEM) signing the access log's checkpoints; never stored in the database (ADR 0004). */
    AUDIT_CHECKPOINT_KEY: z
      .string()
      .refine(
        isEd25519PrivateKey,
        'must be an Ed25519 private key, base64 PKCS#8 DER (openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)',
      )
      .optional(),
    /** How often the server writes a signed checkpoint of the access log's head to DATA_DIR/audit-checkpoints.jsonl. */
    AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
    /** Optional endpoint each checkpoint is also POSTed to (JSON), outside this host. */
    AUDIT_CHECKPOINT_URL: z.string().url().optional(),
    /** OpenID Connect issuer of the citizens' e-ID (VNeID / national portal SSO); unset = the built-in sandbox. */
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().default('dvc06'),
    OIDC_CLIENT_SECRET: z.string().min(16).optional(),
    /** Serve the sandbox e-ID provider at /eid (default: on outside production). */
    EID_SANDBOX: z.enum(['on', 'off']).optional(),
    /** Online payment gateway (VNPAY v2.1-style, DOMAIN.md §11): payment page, merchant API, merchant code and HMAC secret; unset = the built-in sandbox. */
    PAYMENT_GATEWAY_URL: z.string().url().optional(),
    PAYMENT_GATEWAY_API_URL: z.string().url().optional(),
    PAYMENT_TMN_CODE: z
      .string()
      .regex(/^[A-Za-z0-9]{1,20}$/, 'must be 1-20 letters or digits')
      .optional(),
    PAYMENT_HASH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Minutes a citizen has to complete a payment on the gateway (vnp_ExpireDate); then it expires. */
    PAYMENT_EXPIRY_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    /** Serve the sandbox payment gateway at /pay-sandbox (default: on outside production). */
    PAYMENT_SANDBOX: z.enum(['on', 'off']).optional(),
    /** VietQR bank transfer (NAPAS 247): BIN of the bank holding the receiving (treasury) account, its number and name; unset in production = VietQR off. */
    VIETQR_BANK_BIN: z
      .string()
      .regex(/^\d{6}$/, 'must be a 6-digit NAPAS bank BIN')
      .optional(),
    VIETQR_ACCOUNT_NO: z
      .string()
      .regex(/^[0-9A-Za-z]{1,19}$/, 'must be 1-19 letters or digits')
      .optional(),
    VIETQR_ACCOUNT_NAME: z
      .string()
      .regex(/^[A-Z0-9 .,-]{2,70}$/, 'must be 2-70 upper-case ASCII letters, digits, spaces or . , -')
      .optional(),
    /** Hours a VietQR transfer order stays open (the statement may come days later; a late transfer is still credited). */
    VIETQR_EXPIRY_HOURS: z.coerce.number().int().min(1).max(720).default(72),
    /**
     * Electronic fee receipts (ADR 0015): a JSON file naming each collecting body's tax code, form
     * and series symbols (and optionally its own PKCS#12), and the PKCS#12 key + certificate that
     * signs receipts with its passphrase. Required in production; unset elsewhere = demonstration
     * values (a fake tax code) and a development key generated into DATA_DIR.
     */
    RECEIPT_ISSUERS_FILE: z.string().min(1).optional(),
    RECEIPT_SIGNING_P12: z.string().min(1).optional(),
    RECEIPT_SIGNING_P12_PASSPHRASE: z.string().min(1).optional(),
    /**
     * Codes of temporary fee waivers (reference/procedures/fee-exemptions.json, `waivers`) the
     * province does not apply, comma-separated: e.g. one whose official text, once read, does not
     * cover its filers. Empty = every waiver applies in its period. An unknown code stops the start.
     */
    FEE_WAIVERS_NOT_APPLIED: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      ),
    /** Notifications (issue 17 §2): the SMTP relay (smtp:// or smtps:// URL); unset = a local SMTP server the app starts (not in production). */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    /** Port of that local SMTP server on 127.0.0.1 (0: any free port, shown on the outbox page). */
    SMTP_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    /** Sender of notification e-mails. */
    MAIL_FROM: z.string().min(3).default('Dịch vụ công Lai Châu <no-reply@dichvucong.localhost>'),
    /** SMS gateway (HTTP, bearer key); unset = the sandbox at /sms-sandbox when it is on. */
    SMS_GATEWAY_URL: z.string().url().optional(),
    SMS_GATEWAY_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Serve the sandbox SMS gateway at /sms-sandbox (default: on outside production). */
    SMS_SANDBOX: z.enum(['on', 'off']).optional(),
    /** Days a delivered or skipped outbox message and a handled-transition marker are kept (ADR 0032 amendment); the inbox keeps its own copy. */
    NOTIFICATIONS_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(90),
    /** National Public Service Portal sync (issue 17 §4, ADR 0035): the endpoint dossier states are pushed to and its key; unset = the sandbox at /portal-sandbox when it is on, else nothing is sent (pushes wait). */
    PORTAL_SYNC_URL: z.string().url().optional(),
    PORTAL_SYNC_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Serve the sandbox of the national portal's sync endpoint at /portal-sandbox (default: on outside production). */
    PORTAL_SANDBOX: z.enum(['on', 'off']).optional(),
    /** How long one push may take before it counts as failed, ms. */
    PORTAL_SYNC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SEED_DEMO: z
      .enum(['auto', 'never'])
      .default('auto')
      .describe('auto: seed the demo province when the database is empty'),
    DEMO_PEOPLE: z.coerce.number().int().min(0).max(2_000_000).default(20_000),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    /** Working hours of State offices, morning and afternoon, Vietnam time (module `calendar`, deadlines). */
    WORKING_HOURS: z
      .string()
      .default(DEFAULT_WORKING_HOURS)
      .superRefine((text, ctx) => {
        const parsed = parseWorkingHours(text);
        if ('problem' in parsed)
          ctx.addIssue({ code: 'custom', message: `${parsed.problem.en} (e.g. ${DEFAULT_WORKING_HOURS})` });
      }),
  })
  .transform((c) => ({
    ...c,
    PUBLIC_URL: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
    DB_QUERY_TIMEOUT_MS: c.DB_QUERY_TIMEOUT_MS ?? c.DB_STATEMENT_TIMEOUT_MS + 1_000,
    SESSION_SECRET: c.SESSION_SECRET ?? (c.NODE_ENV === 'production' ? undefined : devSecret),
    AUDIT_PSEUDONYM_KEY: c.AUDIT_PSEUDONYM_KEY ?? (c.NODE_ENV === 'production' ? undefined : `${devSecret}-audit`),
    AUDIT_CHECKPOINT_KEY: c.AUDIT_CHECKPOINT_KEY ?? (c.NODE_ENV === 'production' ? undefined : devCheckpointKey),
    OIDC_CLIENT_SECRET:
      c.OIDC_CLIENT_SECRET ?? (c.NODE_ENV === 'production' ? undefined : 'dvc06-sandbox-client-secret'),
    EID_SANDBOX: c.EID_SANDBOX ?? (c.NODE_ENV === 'production' ? 'off' : 'on'),
    PROVINCE_AGENCY_CODE:
      c.PROVINCE_AGENCY_CODE ?? (c.NODE_ENV === 'production' ? undefined : DEMO_PROVINCE_AGENCY_CODE),
    ...smsDefaults(c),
    ...portalSyncDefaults(c),
    ...paymentDefaults(c),
    // Synthetic development account (not a real treasury account); production must configure all three or VietQR stays off.
    VIETQR_BANK_BIN: c.VIETQR_BANK_BIN ?? (c.NODE_ENV === 'production' ? undefined : '970436'),
    VIETQR_ACCOUNT_NO: c.VIETQR_ACCOUNT_NO ?? (c.NODE_ENV === 'production' ? undefined : '0000012345678'),
    VIETQR_ACCOUNT_NAME:
      c.VIETQR_ACCOUNT_NAME ?? (c.NODE_ENV === 'production' ? undefined : 'KHO BAC NHA NUOC LAI CHAU DEMO'),
  }))
  .superRefine((c, ctx) => {
    if (c.DB_QUERY_TIMEOUT_MS <= c.DB_STATEMENT_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['DB_QUERY_TIMEOUT_MS'],
        message:
          'must be longer than DB_STATEMENT_TIMEOUT_MS (the server cancels first; this catches a database that answers nothing)',
      });
    }
    for (const key of [
      'SESSION_SECRET',
      'AUDIT_PSEUDONYM_KEY',
      'AUDIT_CHECKPOINT_KEY',
      'OIDC_CLIENT_SECRET',
      'PAYMENT_TMN_CODE',
      'PAYMENT_HASH_SECRET',
    ] as const) {
      if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
    if (!c.PROVINCE_AGENCY_CODE)
      ctx.addIssue({ code: 'custom', path: ['PROVINCE_AGENCY_CODE'], message: 'is required in production' });
    else if (c.NODE_ENV === 'production' && c.PROVINCE_AGENCY_CODE === DEMO_PROVINCE_AGENCY_CODE)
      ctx.addIssue({
        code: 'custom',
        path: ['PROVINCE_AGENCY_CODE'],
        message: "is the demo's code, which no province has: set the province's own",
      });
    if (c.NODE_ENV === 'production')
      for (const key of ['RECEIPT_ISSUERS_FILE', 'RECEIPT_SIGNING_P12', 'RECEIPT_SIGNING_P12_PASSPHRASE'] as const)
        if (!c[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production (signed fee receipts)' });
    for (const key of ['PAYMENT_GATEWAY_URL', 'PAYMENT_GATEWAY_API_URL'] as const) {
      if (!c[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when the sandbox payment gateway is off' });
    }
    if (c.EID_SANDBOX === 'off' && !c.OIDC_ISSUER) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'is required when the sandbox e-ID provider is off',
      });
    }
    // The development secrets are published in this repository: whatever NODE_ENV says, they are
    // accepted only on a developer's machine (ADR 0010 rule 10).
    if (!developmentSecretsAllowed(c)) {
      for (const [key, value] of Object.entries(DEV_ONLY_SECRETS) as Array<[keyof typeof DEV_ONLY_SECRETS, string]>) {
        if (c[key] === value)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'is the published development default: set a secret of your own',
          });
      }
      if (Object.entries(DEV_ONLY_SECRETS).some(([key, value]) => c[key as keyof typeof DEV_ONLY_SECRETS] === value))
        ctx.addIssue({ code: 'custom', path: [], message: DEV_SECRETS_RULE });
    }
  });

const devSecret = 'development-only-secret-do-not-use-in-production';
/** A published Ed25519 key for development and tests only: checkpoints signed with it prove nothing. */
const devCheckpointKey = 'MC4CAQAwBQYDK2VwBCIEIBM3rayjcbx2eO8muHukZQ1NhIyRN7n65CibJhy1/xAT';

/** Every development-only default secret: anyone can read them here, so they protect nothing. */
const DEV_ONLY_SECRETS = {
  SESSION_SECRET: devSecret,
  AUDIT_PSEUDONYM_KEY: `${devSecret}-audit`,
  AUDIT_CHECKPOINT_KEY: devCheckpointKey,
  OIDC_CLIENT_SECRET: 'dvc06-sandbox-client-secret',
  PAYMENT_HASH_SECRET: `${devSecret}-payment`,
} as const;

const DEV_SECRETS_RULE =
  'the published development secrets are accepted only with EID_SANDBOX=on, PAYMENT_SANDBOX=on and a loopback PUBLIC_URL (e.g. http://localhost:3000), whatever NODE_ENV says';

/** A URL whose host is this machine: localhost (or *.localhost), 127.0.0.0/8 or [::1]. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Development secrets may be used: both sandboxes on (nothing real to protect) and reachable only from this machine. */
function developmentSecretsAllowed(c: { EID_SANDBOX: string; PAYMENT_SANDBOX: string; PUBLIC_URL: string }): boolean {
  return c.EID_SANDBOX === 'on' && c.PAYMENT_SANDBOX === 'on' && isLoopbackUrl(c.PUBLIC_URL);
}

/** An Ed25519 private key from base64 PKCS#8 DER or PEM text (AUDIT_CHECKPOINT_KEY); throws otherwise. */
export function parseEd25519PrivateKey(text: string): KeyObject {
  const t = text.trim();
  const key = t.startsWith('-----BEGIN')
    ? createPrivateKey(t)
    : createPrivateKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  return key;
}

/** Checked at start, not at the first checkpoint. */
function isEd25519PrivateKey(text: string): boolean {
  try {
    return Boolean(parseEd25519PrivateKey(text));
  } catch {
    return false;
  }
}

/**
 * Payment gateway defaults: secrets only outside production; the gateway URLs point at the
 * built-in sandbox (/pay-sandbox) when it is on, and must be configured otherwise.
 */
function paymentDefaults(c: {
  NODE_ENV: string;
  PORT: number;
  PUBLIC_URL?: string;
  PAYMENT_SANDBOX?: 'on' | 'off';
  PAYMENT_GATEWAY_URL?: string;
  PAYMENT_GATEWAY_API_URL?: string;
  PAYMENT_TMN_CODE?: string;
  PAYMENT_HASH_SECRET?: string;
}) {
  const dev = c.NODE_ENV !== 'production';
  const sandbox = c.PAYMENT_SANDBOX ?? (dev ? 'on' : 'off');
  const base = `${(c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '')}/pay-sandbox`;
  return {
    PAYMENT_SANDBOX: sandbox,
    PAYMENT_GATEWAY_URL: c.PAYMENT_GATEWAY_URL ?? (sandbox === 'on' ? `${base}/paymentv2/vpcpay.html` : undefined),
    PAYMENT_GATEWAY_API_URL:
      c.PAYMENT_GATEWAY_API_URL ?? (sandbox === 'on' ? `${base}/merchant_webapi/api/transaction` : undefined),
    PAYMENT_TMN_CODE: c.PAYMENT_TMN_CODE ?? (dev ? 'DVC06SBX' : undefined),
    PAYMENT_HASH_SECRET: c.PAYMENT_HASH_SECRET ?? (dev ? `${devSecret}-payment` : undefined),
  };
}

/** SMS defaults: the built-in sandbox gateway (/sms-sandbox) outside production, with a development key. */
function smsDefaults(c: {
  NODE_ENV: string;
  PORT: number;
  PUBLIC_URL?: string;
  SMS_SANDBOX?: 'on' | 'off';
  SMS_GATEWAY_URL?: string;
  SMS_GATEWAY_KEY?: string;
}) {
  const sandbox = c.SMS_SANDBOX ?? (c.NODE_ENV === 'production' ? 'off' : 'on');
  const base = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '');
  return {
    SMS_SANDBOX: sandbox,
    SMS_GATEWAY_URL: c.SMS_GATEWAY_URL ?? (sandbox === 'on' ? `${base}/sms-sandbox/messages` : undefined),
    SMS_GATEWAY_KEY: c.SMS_GATEWAY_KEY ?? (sandbox === 'on' ? `${devSecret}-sms` : undefined),
  };
}

/** National-portal sync defaults: the built-in sandbox (/portal-sandbox) outside production, with a development key. */
function portalSyncDefaults(c: {
  NODE_ENV: string;
  PORT: number;
  PUBLIC_URL?: string;
  PORTAL_SANDBOX?: 'on' | 'off';
  PORTAL_SYNC_URL?: string;
  PORTAL_SYNC_KEY?: string;
}) {
  const sandbox = c.PORTAL_SANDBOX ?? (c.NODE_ENV === 'production' ? 'off' : 'on');
  const base = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '');
  return {
    PORTAL_SANDBOX: sandbox,
    PORTAL_SYNC_URL: c.PORTAL_SYNC_URL ?? (sandbox === 'on' ? `${base}/portal-sandbox/api/dossier-sync` : undefined),
    PORTAL_SYNC_KEY: c.PORTAL_SYNC_KEY ?? (sandbox === 'on' ? `${devSecret}-portal` : undefined),
  };
}

export type Config = z.output<typeof Config>;

/** A configuration problem list, one line per variable, for the start-up error. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Config.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return parsed.data;
}
