export { enqueueEvent, listEvents, pruneEvents, WEBHOOK_EVENT_TYPES, type WebhookEventType, type EnqueueInput, type WebhookEventRecord } from './outbox.js';
export { deliverDue, startWebhookWorker, backoffMs, MAX_ATTEMPTS, type DeliverDueOptions, type DeliveryReport, type FetchLike, type WebhookWorkerDeps } from './delivery.js';
export { verifySignature, signatureHeader } from './signature.js';
