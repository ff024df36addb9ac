import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContact } from '../../../src/web/widget/contact.js';
import { STRINGS } from '../../../src/web/widget/i18n.js';
import { validateContact } from '../../../src/domain/booking/contact.js';

const s = STRINGS.en;

function serverAccepts(f: { name: string; phone: string; email: string }): boolean {
  try {
    validateContact(f);
    return true;
  } catch {
    return false;
  }
}

describe('booking contact checks', () => {
  it('needs a name and a phone or an email', () => {
    expect(checkContact({ name: '', phone: '', email: '' }, s)).toEqual({ name: s.errName, phone: s.errContact });
    expect(checkContact({ name: '王女士', phone: '+86 138-0013-8000', email: '' }, s)).toEqual({});
    expect(checkContact({ name: 'Ann', phone: '', email: 'ann@example.com' }, s)).toEqual({});
    expect(checkContact({ name: 'Ann', phone: '12', email: '' }, s)).toEqual({ phone: s.errPhone });
    expect(checkContact({ name: 'Ann', phone: '', email: 'ann@example' }, s)).toEqual({ email: s.errEmail });
  });

  it('never lets through what the service would refuse', () => {
    const phone = fc.oneof(fc.constant(''), fc.stringMatching(/^[+0-9 ()-]{0,20}$/), fc.string({ maxLength: 20 }));
    const email = fc.oneof(fc.constant(''), fc.emailAddress(), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), phone, email, (name, p, e) => {
        const f = { name, phone: p, email: e };
        if (Object.keys(checkContact(f, s)).length === 0) expect(serverAccepts(f)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
