import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error responses every authenticated endpoint can give. */
export const authErrors = {
  400: problem('Invalid request: malformed JSON or fields that failed validation'),
  401: problem('Missing, unknown or revoked API key'),
  403: problem('The key lacks the scope, or a publishable key was used from an origin it does not list'),
  413: problem('Request body over the size limit'),
  429: problem('Rate limit exceeded; see Retry-After'),
} as const;

export const notFoundError = { 404: problem('Not found (or belongs to another tenant)') } as const;
export const conflictError = { 409: problem('Conflict with the current state') } as const;

export const LocaleSchema = z.enum(['zh-CN', 'en']).openapi({ description: 'Response language; Traditional Chinese input is treated as zh-CN' });

/** A calendar date, YYYY-MM-DD, that exists (no 2024-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'is not a real date');

export const ChildSchema = z
  .object({
    birthDate: IsoDate.optional(),
    dueDate: IsoDate.optional(),
    ageMonths: z.number().min(0).max(216).optional(),
  })
  .openapi('Child', { description: 'The child (or pregnancy) the question is about; the service derives the stage' });

export const bearer = [{ Bearer: [] }];
