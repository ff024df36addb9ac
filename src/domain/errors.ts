/**
 * Domain errors. Domain verbs throw these; the HTTP layer maps each to one RFC 9457
 * problem response in one place (src/http/problem.ts). Nothing here knows about HTTP
 * beyond the status the error stands for.
 */
export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly title: string,
    detail: string,
    public readonly fields?: FieldError[],
    public readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  constructor(detail: string, fields?: FieldError[]) {
    super(400, 'validation_failed', 'Invalid request', detail, fields);
  }
}
export class Unauthorized extends DomainError {
  constructor(detail = 'A valid API key is required: send Authorization: Bearer <key>.') {
    super(401, 'unauthorized', 'Unauthorized', detail);
  }
}
export class Forbidden extends DomainError {
  constructor(detail: string, code = 'forbidden') {
    super(403, code, 'Forbidden', detail);
  }
}
export class NotFound extends DomainError {
  constructor(what: string) {
    super(404, 'not_found', 'Not found', `${what} was not found.`);
  }
}
export class Conflict extends DomainError {
  constructor(detail: string, code = 'conflict') {
    super(409, code, 'Conflict', detail);
  }
}
export class PayloadTooLarge extends DomainError {
  constructor(limitBytes: number) {
    super(413, 'payload_too_large', 'Payload too large', `The request body is larger than ${limitBytes} bytes.`);
  }
}
export class Unprocessable extends DomainError {
  constructor(detail: string, code = 'unprocessable') {
    super(422, code, 'Unprocessable request', detail);
  }
}
export class RateLimited extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(429, 'rate_limited', 'Too many requests', `Slow down: retry after ${retryAfterSeconds} s.`, undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
export class Unavailable extends DomainError {
  constructor(detail = 'The service is temporarily unavailable; retry shortly.') {
    super(503, 'unavailable', 'Service unavailable', detail, undefined, { 'Retry-After': '2' });
  }
}
