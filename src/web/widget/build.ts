/**
 * Builds src/web/widget.js, the one file a host page loads, from the sources next to
 * this file: one minified ES2020 IIFE, no imports, no source map (it would be another
 * request). Run after changing the widget: `npx tsx src/web/widget/build.ts`.
 * test/unit/widget/build.test.ts fails when the committed file is stale.
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WIDGET_ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));
export const WIDGET_OUT = fileURLToPath(new URL('../widget.js', import.meta.url));

const BANNER = '/* Nestwise widget — built from src/web/widget/ by src/web/widget/build.ts; do not edit by hand. */';

export async function buildWidget(): Promise<string> {
  const out = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  return `${BANNER}\n${out.outputFiles[0]!.text}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await buildWidget();
  writeFileSync(WIDGET_OUT, code);
  console.log(`wrote ${WIDGET_OUT} (${code.length} bytes)`);
}
