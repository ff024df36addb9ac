import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer, conflictError, LocaleSchema, notFoundError, ProblemSchema } from '../schemas/common.js';
import { Forbidden } from '../../domain/errors.js';
import {
  BOOKING_STATUSES,
  SPECIALTIES,
  TRIAGE_LEVELS,
  MAX_SUMMARY_CHARS,
  cancelBooking,
  completeBooking,
  confirmBooking,
  createBooking,
  createClinic,
  createClinician,
  getBooking,
  getClinicianView,
  listAvailability,
  listClinicians,
  listSlots,
  replaceAvailability,
} from '../../domain/booking/index.js';

const uuid = z.string().uuid();
const IdParam = z.object({ id: uuid.openapi({ param: { name: 'id', in: 'path' } }) });

const ClinicianSchema = z
  .object({
    id: z.string(),
    clinicId: z.string(),
    name: z.string(),
    specialty: z.enum(SPECIALTIES),
    specialtyLabel: z.string(),
    languages: z.array(z.string()),
    timezone: z.string().openapi({ description: 'IANA time zone the schedule is kept in' }),
  })
  .openapi('Clinician');

const SlotSchema = z
  .object({ id: z.string(), start: z.string(), end: z.string(), available: z.boolean() })
  .openapi('Slot', { description: 'start/end are UTC instants (ISO 8601)' });

const BookingSchema = z
  .object({
    id: z.string(),
    status: z.enum(BOOKING_STATUSES),
    slot: z.object({ id: z.string(), start: z.string(), end: z.string() }),
    clinician: ClinicianSchema,
    contact: z.object({ subjectId: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
    reason: z.string().nullable(),
    conversationId: z.string().nullable(),
    consent: z.object({ shareSummary: z.boolean(), version: z.string().nullable(), grantedAt: z.string().nullable() }),
    expiresAt: z.string().openapi({ description: 'When a hold lapses unless confirmed (10 minutes after booking)' }),
    createdAt: z.string(),
    confirmedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    completedAt: z.string().nullable(),
  })
  .openapi('Booking');

const TriageSchema = z.object({
  level: z.enum(TRIAGE_LEVELS),
  reasons: z.array(z.object({ code: z.string().min(1).max(100), label: z.string().max(300).optional() })).max(20).default([]),
});

const ClinicianBookingSchema = BookingSchema.extend({
  shared: z.boolean().openapi({ description: 'Whether the person consented to share triage and summary with the clinician' }),
  triage: TriageSchema.nullable(),
  summary: z.string().nullable(),
}).openapi('ClinicianBooking');

const BookingRequestSchema = z
  .object({
    slotId: uuid,
    contact: z.object({
      name: z.string().min(1).max(100),
      phone: z.string().max(40).optional(),
      email: z.string().max(254).optional(),
    }),
    subjectId: z.string().max(200).optional().openapi({ description: 'Data-subject id for later export/erasure; generated when absent' }),
    reason: z.string().max(1000).optional(),
    conversationId: z.string().min(1).max(200).optional(),
    consent: z.object({ shareSummary: z.boolean(), version: z.string().max(50).optional() }).optional(),
    summary: z.string().max(MAX_SUMMARY_CHARS).optional().openapi({ description: 'Conversation summary for the clinician; stored only with consent.shareSummary' }),
    triage: TriageSchema.optional(),
  })
  .openapi('BookingRequest');

const RuleSchema = z
  .object({
    weekday: z.number().int().min(1).max(7).openapi({ description: 'ISO 8601 weekday: 1 = Monday … 7 = Sunday' }),
    start: z.string().openapi({ example: '09:00' }),
    end: z.string().openapi({ example: '12:00' }),
    slotMinutes: z.number().int(),
    validFrom: z.string().nullable().optional(),
    validTo: z.string().nullable().optional(),
  })
  .openapi('AvailabilityRule', { description: "A weekly window in the clinician's time zone, cut into slots" });
const RuleOutSchema = RuleSchema.extend({ id: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable() });

const ClinicSchema = z.object({ id: z.string(), name: z.string(), timezone: z.string(), createdAt: z.string() }).openapi('Clinic');

const booking = requireScope('booking');
const admin = requireScope('admin');
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const unprocessable = { 422: { description: 'Well-formed but refused: a past slot, a slot outside the schedule, a reused Idempotency-Key', content: { 'application/problem+json': { schema: ProblemSchema } } } };

const listCliniciansRoute = createRoute({
  method: 'get', path: '/v1/clinicians', tags: ['Booking'], summary: 'List clinicians, by specialty and by language', security: bearer, middleware: [booking] as const,
  request: { query: z.object({ specialty: z.enum(SPECIALTIES).optional(), locale: LocaleSchema.optional() }) },
  responses: { 200: json(z.object({ clinicians: z.array(ClinicianSchema) }), 'Clinicians'), ...authErrors },
});
const listSlotsRoute = createRoute({
  method: 'get', path: '/v1/clinicians/{id}/slots', tags: ['Booking'], summary: "A clinician's slots in a range (at most 31 days)", security: bearer, middleware: [booking] as const,
  request: {
    params: IdParam,
    query: z.object({
      from: z.string().max(40).optional().openapi({ description: 'ISO 8601 instant, or a date (start of that day in the clinician\'s zone); default now' }),
      to: z.string().max(40).optional().openapi({ description: 'ISO 8601 instant (exclusive), or a date (that whole day included); default from + 7 days' }),
    }),
  },
  responses: { 200: json(z.object({ slots: z.array(SlotSchema) }), 'Slots'), ...authErrors, ...notFoundError },
});
const createBookingRoute = createRoute({
  method: 'post', path: '/v1/bookings', tags: ['Booking'], summary: 'Hold a slot for 10 minutes (confirm to keep it)', security: bearer, middleware: [booking] as const,
  description: 'Honours `Idempotency-Key`: a retry with the same key and body returns the original status and body; the same key with another body is refused with 422.',
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(1).max(255).optional() }),
    body: { required: true, content: { 'application/json': { schema: BookingRequestSchema } } },
  },
  responses: { 201: json(BookingSchema, 'Held'), ...authErrors, ...notFoundError, 409: { description: 'The slot is taken (code slot_taken)', content: { 'application/problem+json': { schema: ProblemSchema } } }, ...unprocessable },
});
const getBookingRoute = createRoute({
  method: 'get', path: '/v1/bookings/{id}', tags: ['Booking'], summary: 'A booking', security: bearer, middleware: [booking] as const,
  request: { params: IdParam },
  responses: { 200: json(BookingSchema, 'Booking'), ...authErrors, ...notFoundError },
});
const confirmRoute = createRoute({
  method: 'post', path: '/v1/bookings/{id}/confirm', tags: ['Booking'], summary: 'Confirm a held booking', security: bearer, middleware: [booking] as const,
  request: { params: IdParam },
  responses: { 200: json(BookingSchema, 'Confirmed'), ...authErrors, ...notFoundError, ...conflictError },
});
const cancelRoute = createRoute({
  method: 'post', path: '/v1/bookings/{id}/cancel', tags: ['Booking'], summary: 'Cancel a booking; the slot is free again', security: bearer, middleware: [booking] as const,
  request: { params: IdParam },
  responses: { 200: json(BookingSchema, 'Cancelled'), ...authErrors, ...notFoundError, ...conflictError },
});
const clinicianViewRoute = createRoute({
  method: 'get', path: '/v1/clinician-view/bookings/{id}', tags: ['Booking'], summary: "The clinician's view of a booking (triage and summary only with consent)", security: bearer, middleware: [booking] as const,
  description: 'Secret keys only (booking or admin scope): a browser widget key cannot read it.',
  request: { params: IdParam },
  responses: { 200: json(ClinicianBookingSchema, 'Booking for the clinician'), ...authErrors, ...notFoundError },
});
const createClinicRoute = createRoute({
  method: 'post', path: '/v1/admin/clinics', tags: ['Admin'], summary: 'Create a clinic', security: bearer, middleware: [admin] as const,
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ name: z.string().min(1).max(200), timezone: z.string().min(1).max(64) }) } } } },
  responses: { 201: json(ClinicSchema, 'Created'), ...authErrors },
});
const createClinicianRoute = createRoute({
  method: 'post', path: '/v1/admin/clinicians', tags: ['Admin'], summary: 'Create a clinician in one of your clinics', security: bearer, middleware: [admin] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            clinicId: uuid,
            name: z.string().min(1).max(200),
            displayNames: z.object({ 'zh-CN': z.string().min(1).max(200).optional(), en: z.string().min(1).max(200).optional() }).optional(),
            specialty: z.enum(SPECIALTIES),
            languages: z.array(z.string().max(20)).min(1).max(10),
            timezone: z.string().min(1).max(64).optional(),
          }),
        },
      },
    },
  },
  responses: { 201: json(ClinicianSchema, 'Created'), ...authErrors, ...notFoundError },
});
const putAvailabilityRoute = createRoute({
  method: 'post', path: '/v1/admin/clinicians/{id}/availability', tags: ['Admin'], summary: "Replace a clinician's weekly availability", security: bearer, middleware: [admin] as const,
  description: 'The rules sent become the whole weekly schedule; earlier rules are retired (booked slots stay booked).',
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ rules: z.array(RuleSchema).max(100) }) } } } },
  responses: { 200: json(z.object({ rules: z.array(RuleOutSchema) }), 'The active rules'), ...authErrors, ...notFoundError },
});
const getAvailabilityRoute = createRoute({
  method: 'get', path: '/v1/admin/clinicians/{id}/availability', tags: ['Admin'], summary: "A clinician's weekly availability", security: bearer, middleware: [admin] as const,
  request: { params: IdParam },
  responses: { 200: json(z.object({ rules: z.array(RuleOutSchema) }), 'The active rules'), ...authErrors, ...notFoundError },
});
const completeRoute = createRoute({
  method: 'post', path: '/v1/admin/bookings/{id}/complete', tags: ['Admin'], summary: 'Mark a confirmed appointment as completed', security: bearer, middleware: [admin] as const,
  request: { params: IdParam },
  responses: { 200: json(BookingSchema, 'Completed'), ...authErrors, ...notFoundError, ...conflictError },
});

export const bookingRoutes = createRouter()
  .openapi(listCliniciansRoute, async (c) => {
    const { specialty, locale } = c.req.valid('query');
    return c.json({ clinicians: await listClinicians(c.get('deps').db, { tenantId: c.get('principal').tenantId, specialty, locale }) }, 200);
  })
  .openapi(listSlotsRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const { db, clock } = c.get('deps');
    return c.json({ slots: await listSlots(db, { tenantId: c.get('principal').tenantId, clinicianId: c.req.valid('param').id, from, to, now: clock() }) }, 200);
  })
  .openapi(createBookingRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const key = c.req.valid('header')['idempotency-key'];
    const out = await createBooking(db, { ...c.req.valid('json'), tenantId: c.get('principal').tenantId, now: clock() }, key);
    if (out.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(out.body, 201);
  })
  .openapi(getBookingRoute, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await getBooking(db, { tenantId: c.get('principal').tenantId, id: c.req.valid('param').id, now: clock() }), 200);
  })
  .openapi(confirmRoute, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await confirmBooking(db, { tenantId: c.get('principal').tenantId, id: c.req.valid('param').id, now: clock() }), 200);
  })
  .openapi(cancelRoute, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await cancelBooking(db, { tenantId: c.get('principal').tenantId, id: c.req.valid('param').id, now: clock() }), 200);
  })
  .openapi(clinicianViewRoute, async (c) => {
    const p = c.get('principal');
    // Triage and conversation summaries are for the clinic's systems, not for any page
    // a publishable key is embedded in.
    if (p.kind !== 'secret') throw new Forbidden('The clinician view needs a secret key.', 'secret_key_required');
    const { db, clock } = c.get('deps');
    return c.json(await getClinicianView(db, { tenantId: p.tenantId, id: c.req.valid('param').id, now: clock() }), 200);
  })
  .openapi(createClinicRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await createClinic(c.get('deps').db, { tenantId: c.get('principal').tenantId, name: body.name, timezone: body.timezone }), 201);
  })
  .openapi(createClinicianRoute, async (c) => {
    return c.json(await createClinician(c.get('deps').db, { ...c.req.valid('json'), tenantId: c.get('principal').tenantId }), 201);
  })
  .openapi(putAvailabilityRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const rules = await replaceAvailability(db, { tenantId: c.get('principal').tenantId, clinicianId: c.req.valid('param').id, rules: c.req.valid('json').rules, now: clock() });
    return c.json({ rules }, 200);
  })
  .openapi(getAvailabilityRoute, async (c) => {
    return c.json({ rules: await listAvailability(c.get('deps').db, c.get('principal').tenantId, c.req.valid('param').id) }, 200);
  })
  .openapi(completeRoute, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await completeBooking(db, { tenantId: c.get('principal').tenantId, id: c.req.valid('param').id, now: clock() }), 200);
  });
