/**
 * Brand colour handling: the host picks any colour with data-color, and the widget
 * darkens it until white text on it (and it as text on the light answer background)
 * meets WCAG AA, 4.5:1.
 */
type Rgb = [number, number, number];

export const DEFAULT_COLOR = '#0f766e';
/** The lightest background brand-coloured text sits on (the answer bubble). */
export const LIGHT_BG = '#f3f4f6';

export function parseHex(c: string | null | undefined): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((c ?? '').trim());
  if (!m) return null;
  let h = m[1]!;
  if (h.length === 3) h = [...h].map((x) => x + x).join('');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

export function toHex(c: Rgb): string {
  return '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
}

export function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The given colour, darkened just enough for AA against white and the light background. */
export function accessibleColor(input: string | null | undefined): string {
  let c = parseHex(input) ?? parseHex(DEFAULT_COLOR)!;
  const bg = parseHex(LIGHT_BG)!;
  // Whole channel values at every step, so the check is on the colour actually used.
  for (let i = 0; i < 100 && contrast(c, bg) < 4.5; i++) c = c.map((v) => Math.floor(v * 0.94)) as Rgb;
  return toHex(c);
}
