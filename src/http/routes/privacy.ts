import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer } from '../schemas/common.js';
import { exportSubject, eraseSubject } from '../../domain/privacy/subjects.js';
import { recordConsent, currentConsents } from '../../domain/privacy/consents.js';
import { audit, listAudit } from '../../domain/audit.js';

const SubjectId = z.string().min(1).max(200).regex(/^[\w.:@-]+$/, 'letters, digits and . _ : @ - only');

const exportRoute = createRoute({
  method: 'get',
  path: '/v1/subjects/{subjectId}/export',
  tags: ['Privacy'],
  summary: "Everything held about one data subject (conversations, feedback, families, bookings, contacts, consents)",
  security: bearer,
  middleware: [requireScope('admin')] as const,
  request: { params: z.object({ subjectId: SubjectId }) },
  responses: { 200: { description: 'The subject’s data as JSON', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } }, ...authErrors },
});

const eraseRoute = createRoute({
  method: 'delete',
  path: '/v1/subjects/{subjectId}',
  tags: ['Privacy'],
  summary: 'Erase one data subject across conversations, profiles, bookings and feedback',
  security: bearer,
  middleware: [requireScope('admin')] as const,
  request: { params: z.object({ subjectId: SubjectId }) },
  responses: { 200: { description: 'What was erased, by kind', content: { 'application/json': { schema: z.object({ subjectId: z.string(), erased: z.record(z.string(), z.number()) }) } } }, ...authErrors },
});

const consentRoute = createRoute({
  method: 'post',
  path: '/v1/consents',
  tags: ['Privacy'],
  summary: 'Record a consent decision (purpose, version) for a data subject; refusing withdraws earlier grants',
  security: bearer,
  middleware: [requireScope('chat')] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            subjectId: SubjectId,
            purpose: z.enum(['chat_privacy', 'profile_and_reminders', 'share_summary_with_clinician', 'stage_memory']),
            version: z.string().min(1).max(40),
            granted: z.boolean(),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Consents now in force', content: { 'application/json': { schema: z.object({ consents: z.array(z.object({ purpose: z.string(), version: z.string(), grantedAt: z.string() })) }) } } },
    ...authErrors,
  },
});

const auditRoute = createRoute({
  method: 'get',
  path: '/v1/admin/audit',
  tags: ['Admin'],
  summary: 'The append-only audit log of this tenant',
  security: bearer,
  middleware: [requireScope('admin')] as const,
  request: {
    query: z.object({ from: z.string().datetime({ offset: true }).optional(), to: z.string().datetime({ offset: true }).optional(), action: z.string().max(60).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
  },
  responses: {
    200: {
      description: 'Entries, newest first',
      content: {
        'application/json': {
          schema: z.object({ entries: z.array(z.object({ id: z.number(), at: z.string(), actor: z.string(), action: z.string(), target: z.string().nullable(), requestId: z.string().nullable(), details: z.record(z.string(), z.unknown()) })) }),
        },
      },
    },
    ...authErrors,
  },
});

export const privacyRoutes = createRouter()
  .openapi(exportRoute, async (c) => {
    const { db } = c.get('deps');
    const p = c.get('principal');
    const { subjectId } = c.req.valid('param');
    const data = await exportSubject(db, p.tenantId, subjectId);
    await audit(db, { tenantId: p.tenantId, actor: `key:${p.keyId}`, action: 'subject.exported', target: subjectId, requestId: c.get('requestId') });
    return c.json(data, 200);
  })
  .openapi(eraseRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const p = c.get('principal');
    const { subjectId } = c.req.valid('param');
    const erased = await eraseSubject(db, p.tenantId, subjectId, clock());
    // the audit entry names the subject id (the caller's pseudonymous handle), never the person
    await audit(db, { tenantId: p.tenantId, actor: `key:${p.keyId}`, action: 'subject.erased', target: subjectId, requestId: c.get('requestId'), details: erased });
    return c.json({ subjectId, erased }, 200);
  })
  .openapi(consentRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const body = c.req.valid('json');
    const tenantId = c.get('principal').tenantId;
    await recordConsent(db, { tenantId, ...body, now: clock() });
    return c.json({ consents: await currentConsents(db, tenantId, body.subjectId) }, 200);
  })
  .openapi(auditRoute, async (c) => {
    return c.json({ entries: await listAudit(c.get('deps').db, c.get('principal').tenantId, c.req.valid('query')) }, 200);
  });
