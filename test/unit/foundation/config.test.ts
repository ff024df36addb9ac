import { describe, expect, it } from 'vitest';
import { parseEnv, ConfigError } from '../../../src/config.js';

describe('parseEnv', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = parseEnv({});
    expect(c.port).toBe(8787);
    expect(c.dataDir).toBe('./.data');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.llm).toBeUndefined();
    expect(c.embeddings).toMatchObject({ provider: 'local', model: 'nestwise-local-v2', dimensions: 512 });
    expect(c.bodyLimitBytes).toBe(1_000_000);
  });

  it('treats empty strings as unset', () => {
    const c = parseEnv({ DATABASE_URL: '', LLM_BASE_URL: ' ', LLM_MODEL: '' });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.llm).toBeUndefined();
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['BOOTSTRAP_ADMIN_KEY', { BOOTSTRAP_ADMIN_KEY: 'letmein' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['EMBEDDINGS_PROVIDER', { EMBEDDINGS_PROVIDER: 'magic' }],
    ['EMBEDDINGS_DIMENSIONS', { EMBEDDINGS_DIMENSIONS: '-3' }],
    ['LLM_MODEL', { LLM_BASE_URL: 'http://localhost:1234/v1' }],
    ['EMBEDDINGS_MODEL', { EMBEDDINGS_PROVIDER: 'openai' }],
  ])('refuses a wrong %s and names it', (variable, env) => {
    try {
      parseEnv(env);
      expect.unreachable('parseEnv accepted a wrong value');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => i.variable)).toContain(variable);
      expect((err as Error).message).toContain(variable);
    }
  });

  it('switches to an OpenAI-compatible model when LLM_BASE_URL and LLM_MODEL are set', () => {
    const c = parseEnv({ LLM_BASE_URL: 'https://api.example.com/v1', LLM_MODEL: 'qwen-plus', LLM_API_KEY: 'k' });
    expect(c.llm).toEqual({ baseUrl: 'https://api.example.com/v1', apiKey: 'k', model: 'qwen-plus', timeoutMs: 20000, secondOpinion: true });
  });

  it('turns the second opinions off with LLM_SECOND_OPINION=off and names a wrong value', () => {
    expect(parseEnv({ LLM_BASE_URL: 'https://api.example.com/v1', LLM_MODEL: 'm', LLM_SECOND_OPINION: 'off' }).llm?.secondOpinion).toBe(false);
    expect(() => parseEnv({ LLM_SECOND_OPINION: 'maybe' })).toThrow(/LLM_SECOND_OPINION/);
  });
});
