import { z } from 'zod';

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
    DATA_DIR: z.string().default('./data'),
    PUBLIC_URL: z.string().url().optional(),
    PROVINCE_CODE: z.string().regex(/^\d{2}$/, 'must be a 2-digit province code').default('12'),
    /** Agency code of the province (QCVN 102:2016) used in dossier codes — not confirmed, so configurable. */
    PROVINCE_AGENCY_CODE: z.string().default('000.00.00.H29'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SEED_DEMO: z
      .enum(['auto', 'never'])
      .default('auto')
      .describe('auto: seed the demo province when the database is empty'),
    DEMO_PEOPLE: z.coerce.number().int().min(0).max(2_000_000).default(20_000),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  })
  .transform((c) => ({
    ...c,
    PUBLIC_URL: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
    SESSION_SECRET: c.SESSION_SECRET ?? (c.NODE_ENV === 'production' ? undefined : devSecret),
  }))
  .superRefine((c, ctx) => {
    if (!c.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' });
    }
  });

const devSecret = 'development-only-secret-do-not-use-in-production';

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
