import type { Logger } from './http/deps.js';

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 100 } as const;

/**
 * A JSON-lines logger over `console`, for runtimes without pino's Node streams
 * (Cloudflare Workers). Same shape as the pino logger; the app only ever logs its own
 * fields (method, route, status, latency, request id), never headers or bodies.
 */
export function consoleLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  const min = LEVELS[level as keyof typeof LEVELS] ?? LEVELS.info;
  const write = (lvl: keyof typeof LEVELS) => (obj: object, msg?: string) => {
    if (LEVELS[lvl] < min) return;
    console.log(JSON.stringify({ level: lvl, time: Date.now(), service: 'nestwise', ...bindings, ...obj, msg }));
  };
  return {
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    child: (b) => consoleLogger(level, { ...bindings, ...b }),
  };
}
