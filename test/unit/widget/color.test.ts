import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessibleColor, contrast, DEFAULT_COLOR, LIGHT_BG, parseHex, toHex } from '../../../src/web/widget/color.js';

const WHITE = parseHex('#fff')!;

describe('brand colour', () => {
  it('computes WCAG contrast like the reference values', () => {
    expect(contrast(parseHex('#000')!, WHITE)).toBeCloseTo(21, 5);
    expect(contrast(parseHex('#767676')!, WHITE)).toBeCloseTo(4.54, 2);
  });

  it('keeps an already dark colour and uses the default for junk', () => {
    expect(accessibleColor('#1e3a8a')).toBe('#1e3a8a');
    expect(accessibleColor('red; background:url(x)')).toBe(DEFAULT_COLOR);
    expect(accessibleColor(undefined)).toBe(DEFAULT_COLOR);
  });

  it('darkens any colour until white text on it and it on the answer background pass AA', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)), (rgb) => {
        const out = parseHex(accessibleColor(toHex(rgb)))!;
        expect(contrast(out, WHITE)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(out, parseHex(LIGHT_BG)!)).toBeGreaterThanOrEqual(4.5);
      }),
    );
    expect(accessibleColor('#ffd1dc')).not.toBe('#ffd1dc');
    expect(contrast(parseHex(accessibleColor('#fabbfa'))!, parseHex(LIGHT_BG)!)).toBeGreaterThanOrEqual(4.5); // once failed on rounding
  });
});
