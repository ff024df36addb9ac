/**
 * `npm run check -- [options] <file…>`: checks marketing copy files against the compliance
 * rules and prints one line per finding, like a linter:
 *
 *   file:line:col  severity  ruleId  category  "match"  message — suggestion
 *
 * Exit status: 0 when nothing blocks, 1 when any finding blocks, 2 on bad usage, an
 * unreadable file or a file over 200 KB. Columns count characters (code points), 1-based.
 */
import { readFileSync, statSync } from 'node:fs';
import {
  CHANNELS,
  checkCompliance,
  MARKETS,
  MAX_INPUT_BYTES,
  PRODUCT_TYPES,
  type Channel,
  type CheckInput,
  type Finding,
  type Locale,
  type Market,
  type ProductType,
} from '../domain/compliance/index.js';

const USAGE = `usage: check [--market CN|US|EU|UK] [--product-type <type>] [--channel <channel>]
             [--locale zh-CN|en] [--formula-stage 1|2|3] [--commercial | --not-commercial] <file…>

  --market         legal market of the copy (default CN)
  --product-type   ${PRODUCT_TYPES.join(', ')}
  --channel        ${CHANNELS.join(', ')}
  --locale         language of messages and suggestions (default zh-CN)
  --formula-stage  infant formula stage, when the product is infant formula
  --commercial     the copy is sponsored or has a purchase path; --not-commercial says it is not
                   (default: inferred from a link, code or shopping-cart mention)

exit status: 0 nothing blocks · 1 a finding blocks · 2 bad usage or unreadable / oversized file`;

interface Options {
  input: Omit<CheckInput, 'text'>;
  files: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const input: Omit<CheckInput, 'text'> = {};
  const files: string[] = [];
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const oneOf = <T extends string>(v: string, allowed: readonly T[], flag: string): T => {
    if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} must be one of: ${allowed.join(', ')} (got "${v}")`);
    return v as T;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    switch (a) {
      case '-h':
      case '--help':
        throw new UsageError('');
      case '--market':
        input.market = oneOf<Market>(value(i++, a), MARKETS, a);
        break;
      case '--product-type':
        input.productType = oneOf<ProductType>(value(i++, a), PRODUCT_TYPES, a);
        break;
      case '--channel':
        input.channel = oneOf<Channel>(value(i++, a), CHANNELS, a);
        break;
      case '--locale':
        input.locale = oneOf<Locale>(value(i++, a), ['zh-CN', 'en'], a);
        break;
      case '--formula-stage': {
        const s = oneOf(value(i++, a), ['1', '2', '3'] as const, a);
        input.formulaStage = Number(s) as 1 | 2 | 3;
        break;
      }
      case '--commercial':
        input.commercial = true;
        break;
      case '--not-commercial':
        input.commercial = false;
        break;
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        files.push(a);
    }
  }
  if (files.length === 0) throw new UsageError('no file given');
  return { input, files };
}

/** 1-based line and column (in code points) of a UTF-16 offset. */
function position(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let col = 1;
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) i++;
    col++;
  }
  return { line, col };
}

const oneLine = (s: string) => s.replace(/\r?\n/g, '⏎');

function main(argv: string[]): number {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      if (err.message) console.error(`check: ${err.message}`);
      console.error(USAGE);
      return 2;
    }
    throw err;
  }

  // Refuse oversized or unreadable files before checking anything: a partial run would
  // look like a clean one.
  const texts: { file: string; text: string }[] = [];
  for (const file of opts.files) {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      console.error(`check: cannot read ${file}`);
      return 2;
    }
    if (size > MAX_INPUT_BYTES) {
      console.error(`check: ${file} is ${size} bytes; the limit is ${MAX_INPUT_BYTES} bytes (200 KB). Split the copy and check the parts.`);
      return 2;
    }
    texts.push({ file, text: readFileSync(file, 'utf8').replace(/^\ufeff/, '') });
  }

  const counts = { block: 0, review: 0, advisory: 0 };
  let blocked = false;
  for (const { file, text } of texts) {
    const result = checkCompliance({ ...opts.input, text });
    for (const f of result.findings as Finding[]) {
      counts[f.severity]++;
      const { line, col } = position(text, f.start);
      console.log(`${file}:${line}:${col}  ${f.severity}  ${f.ruleId}  ${f.category}  "${oneLine(f.match)}"  ${f.message} — ${f.suggestion}`);
    }
    if (result.verdict === 'block') blocked = true;
    console.log(`${file}: ${result.verdict} (${result.findings.length} finding${result.findings.length === 1 ? '' : 's'})`);
  }
  const total = counts.block + counts.review + counts.advisory;
  console.log(
    `\n${texts.length} file${texts.length === 1 ? '' : 's'}, ${total} finding${total === 1 ? '' : 's'}: ${counts.block} block, ${counts.review} review, ${counts.advisory} advisory`,
  );
  return blocked ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
