import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const FILE = new URL('../../../src/web/widget.js', import.meta.url);
const code = readFileSync(FILE, 'utf8');
// Comments may cite URLs; code may not. Block comments anywhere, line comments only
// when a line starts with one, so "https://" inside a string is never taken for a comment.
const bare = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('widget.js, everything a host page loads', () => {
  it('is at most 25 KB gzipped', () => {
    const gz = gzipSync(code, { level: 9 }).length;
    expect(gz).toBeGreaterThan(3_000); // the real widget, not an empty placeholder
    expect(gz).toBeLessThanOrEqual(25 * 1024);
  });

  it('never evaluates strings as code', () => {
    expect(bare).not.toMatch(/\beval\s*\(/);
    expect(bare).not.toMatch(/new\s+Function\b/);
    expect(bare).not.toMatch(/\bsetTimeout\s*\(\s*["'`]/);
    expect(bare).not.toMatch(/javascript:/i);
  });

  it('never writes markup from strings (innerHTML and friends) or inline handler attributes', () => {
    expect(bare).not.toMatch(/\.innerHTML\s*=/);
    expect(bare).not.toMatch(/\.outerHTML\s*=/);
    expect(bare).not.toMatch(/insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/);
    expect(bare).not.toMatch(/setAttribute\(\s*["'`]on/i);
  });

  it('contains no absolute URL outside comments, so it can only talk to its own API origin', () => {
    expect(bare.match(/https?:\/\/[^\s"'`)]*/gi) ?? []).toEqual([]);
    expect(bare).not.toMatch(/@import|url\(/); // no fonts, images or sheets from anywhere
  });

  it('sets its CSS inside a shadow root and nothing on the host page', () => {
    expect(bare).toContain('attachShadow');
    expect(bare).not.toMatch(/document\.head/);
  });
});
