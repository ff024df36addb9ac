import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer, LocaleSchema, notFoundError, ProblemSchema } from '../schemas/common.js';
import { ValidationFailed } from '../../domain/errors.js';
import {
  addDays,
  buildTimeline,
  createFamily,
  familyToday,
  familyView,
  getFamily,
  MARKETS,
  MAX_ALLERGIES,
  MAX_ALLERGY_LENGTH,
  MAX_CHILDREN,
  MAX_NICKNAME_LENGTH,
  REMINDER_TYPES,
  TIMELINE_TYPES,
  timelineNotes,
  updateFamily,
} from '../../domain/families/index.js';
import { parseIsoDay } from '../../domain/stage/index.js';

/** Default timeline span: today and the next eight weeks. */
const DEFAULT_SPAN_DAYS = 56;
/** Longest span one request may ask for. */
const MAX_SPAN_DAYS = 366;

const uuid = z.string().uuid();
const IdParam = z.object({ id: uuid.openapi({ param: { name: 'id', in: 'path' } }) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const MarketSchema = z.enum(MARKETS as unknown as ['CN', 'US', 'UK', 'EU']).openapi({ description: 'Whose vaccination and check-up schedule applies' });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

const allergies = z
  .array(z.string().trim().min(1).max(MAX_ALLERGY_LENGTH))
  .max(MAX_ALLERGIES)
  .openapi({ description: 'Known food allergies, e.g. 花生, egg (shared across siblings for food questions)' });
const nickname = z.string().trim().min(1).max(MAX_NICKNAME_LENGTH).openapi({ description: 'Only if the parent wants one stored; never required' });

// Unknown keys are refused (strict), so a child's name or other extra data cannot slip in.
const ChildInputSchema = z
  .object({ birthDate: day, sex: z.enum(['female', 'male']).optional(), allergies: allergies.optional(), nickname: nickname.optional() })
  .strict()
  .openapi('FamilyChildInput');

const ChildUpdateSchema = z
  .object({
    id: uuid,
    birthDate: day.optional(),
    sex: z.enum(['female', 'male']).nullable().optional(),
    allergies: allergies.optional(),
    nickname: nickname.nullable().optional(),
  })
  .strict();

const OptOutSchema = z
  .object({ all: z.boolean().optional(), types: z.array(z.enum(REMINDER_TYPES)).max(REMINDER_TYPES.length).optional() })
  .strict()
  .openapi('ReminderOptOut', { description: 'Reminders the family does not want: all of them, or some types' });

const ConsentSchema = z
  .object({ purpose: z.string().max(100), version: z.string().max(100), granted: z.boolean() })
  .strict()
  .openapi('FamilyConsent', { description: 'Must be { purpose: "profile_and_reminders", version, granted: true }' });

const CreateBody = z
  .object({
    subjectId: z.string().min(1).max(200).openapi({ description: 'The data subject (your user id for the parent); export and erasure use it' }),
    locale: LocaleSchema.optional(),
    market: MarketSchema.optional(),
    consent: ConsentSchema.optional(),
    pregnancy: z.object({ dueDate: day }).strict().optional(),
    children: z.array(ChildInputSchema).max(MAX_CHILDREN).optional(),
    optOut: OptOutSchema.optional(),
  })
  .strict()
  .openapi('FamilyCreate');

const PatchBody = z
  .object({
    locale: LocaleSchema.optional(),
    market: MarketSchema.optional(),
    pregnancy: z.object({ dueDate: day }).strict().nullable().optional().openapi({ description: 'null removes the pregnancy' }),
    children: z
      .object({ add: z.array(ChildInputSchema).max(MAX_CHILDREN).optional(), update: z.array(ChildUpdateSchema).max(MAX_CHILDREN).optional(), remove: z.array(uuid).max(MAX_CHILDREN).optional() })
      .strict()
      .optional(),
    optOut: OptOutSchema.optional(),
  })
  .strict()
  .openapi('FamilyPatch');

const StageSchema = z.string().nullable();
const FamilySchema = z
  .object({
    id: z.string(),
    subjectId: z.string(),
    locale: z.enum(['zh-CN', 'en']),
    market: MarketSchema,
    pregnancy: z.object({ dueDate: z.string(), week: z.number().int().nullable(), stage: StageSchema }).nullable(),
    children: z.array(
      z.object({
        id: z.string(),
        birthDate: z.string(),
        sex: z.enum(['female', 'male']).nullable(),
        allergies: z.array(z.string()),
        nickname: z.string().optional(),
        stage: StageSchema,
        ageDays: z.number().int(),
      }),
    ),
    optOut: z.object({ all: z.boolean(), types: z.array(z.enum(REMINDER_TYPES)) }),
    consent: z.object({ purpose: z.string(), version: z.string(), grantedAt: z.string() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Family');

const SourceSchema = z.object({ publisher: z.string(), title: z.string(), url: z.string(), year: z.number().int() });
const TimelineItemSchema = z
  .object({
    key: z.string().openapi({ description: 'Stable id of the item within the family' }),
    date: z.string(),
    type: z.enum(TIMELINE_TYPES),
    childId: z.string().optional(),
    title: z.string(),
    detail: z.string().optional(),
    sources: z.array(SourceSchema),
    docIds: z.array(z.string()).openapi({ description: 'Knowledge documents to read next' }),
  })
  .openapi('TimelineItem');

const chat = requireScope('chat');

const createFamilyRoute = createRoute({
  method: 'post',
  path: '/v1/families',
  tags: ['Families'],
  summary: 'Create a family profile (needs the parent\'s consent): a pregnancy due date and/or children by birth date',
  security: bearer,
  middleware: [chat] as const,
  request: { body: { required: true, content: { 'application/json': { schema: CreateBody } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: FamilySchema } } },
    ...authErrors,
    422: problem('consent_required: consent to profile_and_reminders was not granted'),
  },
});

const getFamilyRoute = createRoute({
  method: 'get',
  path: '/v1/families/{id}',
  tags: ['Families'],
  summary: 'A family profile with each child\'s current stage and the pregnancy week',
  security: bearer,
  middleware: [chat] as const,
  request: { params: IdParam },
  responses: { 200: { description: 'The family', content: { 'application/json': { schema: FamilySchema } } }, ...authErrors, ...notFoundError },
});

const patchFamilyRoute = createRoute({
  method: 'patch',
  path: '/v1/families/{id}',
  tags: ['Families'],
  summary: 'Update a family: add, update or remove children, set or clear the pregnancy, allergies, locale, market, reminder opt-outs',
  security: bearer,
  middleware: [chat] as const,
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: PatchBody } } } },
  responses: { 200: { description: 'Updated', content: { 'application/json': { schema: FamilySchema } } }, ...authErrors, ...notFoundError },
});

const timelineRoute = createRoute({
  method: 'get',
  path: '/v1/families/{id}/timeline',
  tags: ['Families'],
  summary: 'Vaccines, health checks, milestones and pregnancy tips between two dates (default: today and the next 8 weeks; at most a year)',
  security: bearer,
  middleware: [chat] as const,
  request: {
    params: IdParam,
    query: z.object({
      from: day.optional().openapi({ description: 'YYYY-MM-DD, inclusive; default today in the family\'s market' }),
      to: day.optional().openapi({ description: 'YYYY-MM-DD, inclusive; default from + 8 weeks' }),
      locale: LocaleSchema.optional().openapi({ description: 'Defaults to the family\'s locale' }),
    }),
  },
  responses: {
    200: {
      description: 'Timeline items sorted by date',
      content: {
        'application/json': {
          schema: z.object({
            familyId: z.string(),
            from: z.string(),
            to: z.string(),
            locale: z.enum(['zh-CN', 'en']),
            market: MarketSchema,
            items: z.array(TimelineItemSchema),
            notes: z.array(z.string()).openapi({ description: 'Which schedule edition applies and what it leaves out' }),
          }),
        },
      },
    },
    ...authErrors,
    ...notFoundError,
  },
});

export const familyRoutes = createRouter()
  .openapi(createFamilyRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const now = clock();
    const family = await createFamily(db, c.get('principal').tenantId, c.req.valid('json'), now);
    return c.json(familyView(family, familyToday(family, now)), 201);
  })
  .openapi(getFamilyRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const family = await getFamily(db, c.get('principal').tenantId, c.req.valid('param').id);
    return c.json(familyView(family, familyToday(family, clock())), 200);
  })
  .openapi(patchFamilyRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const now = clock();
    const family = await updateFamily(db, c.get('principal').tenantId, c.req.valid('param').id, c.req.valid('json'), now);
    return c.json(familyView(family, familyToday(family, now)), 200);
  })
  .openapi(timelineRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const family = await getFamily(db, c.get('principal').tenantId, c.req.valid('param').id);
    const q = c.req.valid('query');
    const errors: { field: string; message: string }[] = [];
    if (q.from !== undefined && parseIsoDay(q.from) === undefined) errors.push({ field: 'from', message: 'must be a real calendar date' });
    if (q.to !== undefined && parseIsoDay(q.to) === undefined) errors.push({ field: 'to', message: 'must be a real calendar date' });
    if (errors.length) throw new ValidationFailed('Invalid date range.', errors);
    const from = q.from ?? familyToday(family, clock());
    const to = q.to ?? addDays(from, DEFAULT_SPAN_DAYS);
    const span = parseIsoDay(to)! - parseIsoDay(from)!;
    if (span < 0) throw new ValidationFailed('Invalid date range.', [{ field: 'to', message: 'must not be before from' }]);
    if (span > MAX_SPAN_DAYS) throw new ValidationFailed('Invalid date range.', [{ field: 'to', message: `the range may span at most ${MAX_SPAN_DAYS} days` }]);
    const locale = q.locale ?? family.locale;
    const items = buildTimeline(family, { from, to, locale, market: family.market });
    return c.json({ familyId: family.id, from, to, locale, market: family.market, items, notes: timelineNotes(family.market, locale) }, 200);
  });
