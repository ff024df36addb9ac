import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './deps.js';
import { problemResponse } from './problem.js';

/**
 * Every router is created here so that request validation failures everywhere become
 * the same 400 problem listing each bad field.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues;
        return problemResponse(c as never, {
          status: 400,
          code: 'validation_failed',
          title: 'Invalid request',
          detail: `${issues.length} field${issues.length === 1 ? '' : 's'} failed validation.`,
          errors: issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })),
        });
      }
      return undefined;
    },
  });
}
