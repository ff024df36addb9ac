import pino from 'pino';
import type { Logger } from './http/deps.js';

/**
 * Fields that may hold secrets or personal data. The app never logs bodies, but any
 * object that reaches a logger with one of these keys has it censored.
 */
export const REDACT_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'secret',
  '*.secret',
  'name',
  '*.name',
  'phone',
  '*.phone',
  'email',
  '*.email',
  'idNumber',
  '*.idNumber',
  'contact',
  '*.contact',
  'text',
  '*.text',
  'body',
  '*.body',
  'birthDate',
  '*.birthDate',
];

export function createLogger(opts: { level: string; pretty: boolean; destination?: pino.DestinationStream }): Logger {
  const options: pino.LoggerOptions = {
    level: opts.level,
    base: { service: 'nestwise' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    };
  if (opts.pretty && !opts.destination) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,service' } } });
  }
  return opts.destination ? pino(options, opts.destination) : pino(options);
}
