import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWidget, WIDGET_OUT } from '../../../src/web/widget/build.js';

describe('widget build', () => {
  it('the served src/web/widget.js is the build of the current sources (run `npx tsx src/web/widget/build.ts`)', async () => {
    expect(readFileSync(WIDGET_OUT, 'utf8')).toBe(await buildWidget());
  });
});
