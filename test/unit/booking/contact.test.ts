import { describe, expect, it } from 'vitest';
import { validateContact } from '../../../src/domain/booking/contact.js';
import { ValidationFailed } from '../../../src/domain/errors.js';

function fields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationFailed) return (err.fields ?? []).map((f) => f.field);
    throw err;
  }
  return [];
}

describe('validateContact', () => {
  it('accepts the phone and email forms people type, trimmed', () => {
    expect(validateContact({ name: ' 王芳 ', phone: '+86 138-0013-8000', email: ' wang.fang@example.cn ' })).toEqual({ name: '王芳', phone: '+86 138-0013-8000', email: 'wang.fang@example.cn' });
    expect(validateContact({ name: 'Ann', phone: '(212) 555-0100' }).phone).toBe('(212) 555-0100');
    expect(validateContact({ name: 'Ann' })).toEqual({ name: 'Ann', phone: null, email: null });
    expect(validateContact({ name: 'Ann', phone: '', email: '' })).toEqual({ name: 'Ann', phone: null, email: null });
  });

  it('refuses malformed phones and emails, naming the field', () => {
    for (const phone of ['call me', '12', '+1 (555) 0100 ext. 7', '1234567890123456789', '--5550100']) {
      expect(fields(() => validateContact({ name: 'Ann', phone }))).toEqual(['contact.phone']);
    }
    for (const email of ['ann', 'ann@', '@example.com', 'ann@example', 'a b@example.com', 'ann@exa_mple.com']) {
      expect(fields(() => validateContact({ name: 'Ann', email }))).toEqual(['contact.email']);
    }
    expect(fields(() => validateContact({ name: '  ', phone: 'x', email: 'y' }))).toEqual(['contact.name', 'contact.phone', 'contact.email']);
  });
});
