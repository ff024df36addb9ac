import { z } from 'zod';

/**
 * The one place that reads configuration. Entries pass `process.env` (Node) or the
 * Worker `env` record; nothing else in the code base looks at the environment.
 * Empty strings count as "not set" so that `FOO=` in a shell or .env file does not
 * turn into an invalid value.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(8787),
    DATA_DIR: z.string().min(1).default('./.data'),
    DATABASE_URL: optionalString.refine(
      (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
      'must be a postgres:// or postgresql:// connection URL',
    ),
    BOOTSTRAP_ADMIN_KEY: optionalString.refine(
      (v) => v === undefined || /^sk_[A-Za-z0-9_-]{20,200}$/.test(v),
      'must look like sk_ followed by at least 20 letters, digits, _ or -',
    ),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LLM_BASE_URL: optionalString.refine(
      (v) => v === undefined || /^https?:\/\//.test(v),
      'must be an http(s) URL of an OpenAI-compatible API',
    ),
    LLM_API_KEY: optionalString,
    LLM_MODEL: optionalString,
    LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
    LLM_SECOND_OPINION: z.enum(['on', 'off']).default('on'),
    EMBEDDINGS_PROVIDER: z.enum(['local', 'openai']).default('local'),
    EMBEDDINGS_MODEL: optionalString,
    EMBEDDINGS_DIMENSIONS: z.coerce.number().int().min(16).max(4096).optional(),
    EMBEDDINGS_BASE_URL: optionalString,
    EMBEDDINGS_API_KEY: optionalString,
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
    METRICS_TOKEN: optionalString,
    RATE_LIMIT_KEY_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
    WEBHOOK_SECRET: optionalString,
  })
  .superRefine((env, ctx) => {
    const llmSet = [env.LLM_BASE_URL, env.LLM_MODEL].filter((v) => v !== undefined).length;
    if (llmSet === 1) {
      ctx.addIssue({
        code: 'custom',
        path: [env.LLM_BASE_URL ? 'LLM_MODEL' : 'LLM_BASE_URL'],
        message: 'LLM_BASE_URL and LLM_MODEL must be set together (or neither, for offline mode)',
      });
    }
    if (env.EMBEDDINGS_PROVIDER === 'openai' && !env.EMBEDDINGS_MODEL) {
      ctx.addIssue({
        code: 'custom',
        path: ['EMBEDDINGS_MODEL'],
        message: 'EMBEDDINGS_MODEL is required when EMBEDDINGS_PROVIDER=openai',
      });
    }
  });

export interface LlmConfig {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  /** Ask the model for a second opinion on triage (may only raise it) and on compliance (may only add review findings). */
  secondOpinion?: boolean;
}

export interface EmbeddingsConfig {
  provider: 'local' | 'openai';
  model: string;
  dimensions: number;
  baseUrl?: string;
  apiKey?: string;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  dataDir: string;
  databaseUrl?: string;
  bootstrapAdminKey?: string;
  logLevel: string;
  llm?: LlmConfig;
  embeddings: EmbeddingsConfig;
  bodyLimitBytes: number;
  metricsToken?: string;
  webhookSecret?: string;
  rateLimits: { keyPerMinute: number; ipPerMinute: number };
  requestTimeoutMs: number;
  /** Take the client IP from X-Forwarded-For (only behind a proxy you control). */
  trustProxy: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

// v2: stop words and the most common Chinese characters no longer count as features;
// plurals fold consistently.
export const LOCAL_EMBEDDINGS_MODEL = 'nestwise-local-v2';
export const LOCAL_EMBEDDINGS_DIMENSIONS = 512;

/** Parses an environment record into typed configuration or throws a ConfigError naming each bad variable. */
export function parseEnv(record: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(record);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '(env)'), message: i.message })),
    );
  }
  const e = parsed.data;
  const local = e.EMBEDDINGS_PROVIDER === 'local';
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    bootstrapAdminKey: e.BOOTSTRAP_ADMIN_KEY,
    logLevel: e.LOG_LEVEL,
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? { baseUrl: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY ?? 'none', model: e.LLM_MODEL, timeoutMs: e.LLM_TIMEOUT_MS, secondOpinion: e.LLM_SECOND_OPINION === 'on' }
        : undefined,
    embeddings: {
      provider: e.EMBEDDINGS_PROVIDER,
      model: local ? (e.EMBEDDINGS_MODEL ?? LOCAL_EMBEDDINGS_MODEL) : (e.EMBEDDINGS_MODEL as string),
      dimensions: e.EMBEDDINGS_DIMENSIONS ?? (local ? LOCAL_EMBEDDINGS_DIMENSIONS : 1536),
      baseUrl: e.EMBEDDINGS_BASE_URL ?? e.LLM_BASE_URL,
      apiKey: e.EMBEDDINGS_API_KEY ?? e.LLM_API_KEY,
    },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    metricsToken: e.METRICS_TOKEN,
    webhookSecret: e.WEBHOOK_SECRET,
    rateLimits: { keyPerMinute: e.RATE_LIMIT_KEY_PER_MINUTE, ipPerMinute: e.RATE_LIMIT_IP_PER_MINUTE },
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
  };
}
