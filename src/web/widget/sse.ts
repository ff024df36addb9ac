/**
 * A server-sent events parser for fetch() bodies (EventSource cannot POST or send an
 * Authorization header). Follows the WHATWG rules that matter here: any line ending,
 * comments, multi-line data, an event dispatched on a blank line, and a CR/LF pair
 * split across two network chunks.
 */
export interface SseEvent {
  event: string;
  data: string;
}

export function createSseParser(onEvent: (e: SseEvent) => void) {
  let buf = '';
  let event = '';
  let data: string[] = [];
  const line = (l: string) => {
    if (l === '') {
      if (data.length) onEvent({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (l[0] === ':') return;
    const i = l.indexOf(':');
    const field = i < 0 ? l : l.slice(0, i);
    let value = i < 0 ? '' : l.slice(i + 1);
    if (value[0] === ' ') value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  return {
    push(chunk: string) {
      buf += chunk;
      const re = /\r\n|\r|\n/g;
      let start = 0;
      for (let m = re.exec(buf); m; m = re.exec(buf)) {
        // A lone CR at the very end may be the first half of CRLF: wait for more.
        if (m[0] === '\r' && m.index === buf.length - 1) break;
        line(buf.slice(start, m.index));
        start = re.lastIndex;
      }
      buf = buf.slice(start);
    },
  };
}
