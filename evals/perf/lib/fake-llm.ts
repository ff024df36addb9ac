import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for an OpenAI-compatible chat endpoint: it answers every call by
 * invoking the structured-answer tool with the first chunk id it was shown, after an
 * optional delay. Used to measure what the advisor adds around a model call.
 */
export async function startFakeLlm(delayMs = 0): Promise<{ url: string; calls: () => number; close(): Promise<void> }> {
  let calls = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls++;
      const parsed = JSON.parse(body || '{}') as { tools?: { function: { name: string } }[]; messages?: { content: unknown }[] };
      const tool = parsed.tools?.map((t) => t.function.name).find((n) => !['search_guidance', 'get_stage', 'find_slots', 'hold_booking'].includes(n)) ?? 'answer';
      const text = JSON.stringify(parsed.messages ?? []);
      const chunkId = /\\"chunkId\\":\\"([^\\"]+)\\"/.exec(text)?.[1] ?? /"chunkId":"([^"]+)"/.exec(text)?.[1] ?? 'none';
      const zh = /[\u4e00-\u9fff]{4}/.test(text.slice(-400));
      const args = JSON.stringify({ answer: zh ? '建议按照指南一步一步来，有疑问请咨询医生。' : 'Follow the guidance step by step and ask your clinician if unsure.', citations: [chunkId] });
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-fake',
            object: 'chat.completion',
            created: 1,
            model: 'fake',
            choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [{ id: `call_${calls}`, type: 'function', function: { name: tool, arguments: args } }] }, finish_reason: 'tool_calls' }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      }, delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/v1`, calls: () => calls, close: () => new Promise((r) => server.close(() => r())) };
}
