import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from '../../../src/web/widget/sse.js';

function parse(chunks: string[]): SseEvent[] {
  const out: SseEvent[] = [];
  const p = createSseParser((e) => out.push(e));
  for (const c of chunks) p.push(c);
  return out;
}

const STREAM = 'event: triage\ndata: {"level":"routine"}\n\n: keep-alive\n\nevent: delta\ndata: line one\ndata: line two\n\r\nevent: done\r\ndata:{"ok":true}\r\n\r\n';
const EXPECTED: SseEvent[] = [
  { event: 'triage', data: '{"level":"routine"}' },
  { event: 'delta', data: 'line one\nline two' },
  { event: 'done', data: '{"ok":true}' },
];

describe('SSE parser', () => {
  it('parses events, comments, multi-line data and every line ending', () => {
    expect(parse([STREAM])).toEqual(EXPECTED);
  });

  it('gives the same events however the stream is cut into chunks (CRLF split included)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: STREAM.length }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: string[] = [];
        let last = 0;
        for (const p of points) {
          chunks.push(STREAM.slice(last, p));
          last = p;
        }
        chunks.push(STREAM.slice(last));
        expect(parse(chunks)).toEqual(EXPECTED);
      }),
    );
  });

  it('defaults the event name to "message" and drops an event cut off by the end of the stream', () => {
    expect(parse(['data: a\n\n', 'event: done\ndata: {"partial"'])).toEqual([{ event: 'message', data: 'a' }]);
  });
});
