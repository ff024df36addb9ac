import { stringify } from 'yaml';
import type { DraftView } from './drafts.js';

export const EXPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  contentType: string;
  filename: string;
  body: string;
}

/**
 * Exports carry the AI-generated label both ways the labelling measures ask for: the
 * explicit label in the visible text, and the implicit metadata (content attribute,
 * provider, content id, model, time) in the file's own metadata slot — Markdown front
 * matter, HTML <meta> tags, a JSON `aigc` object.
 */
export function exportDraft(d: DraftView, format: ExportFormat): ExportFile {
  const implicit = d.labels.aigc.implicit;
  const base = `nestwise-${d.channel}-${d.id.slice(0, 8)}`;
  if (format === 'json') {
    const out = {
      id: d.id,
      status: d.status,
      channel: d.channel,
      locale: d.locale,
      market: d.market,
      productType: d.productType,
      ...(d.title !== undefined ? { title: d.title } : {}),
      body: d.body,
      labels: d.labels,
      aigc: implicit,
      verdict: d.verdict,
      findings: d.findings,
      structure: d.structure,
      revision: d.revision,
      ...(d.publishedAt ? { publishedAt: d.publishedAt } : {}),
    };
    return { contentType: 'application/json; charset=utf-8', filename: `${base}.json`, body: JSON.stringify(out, null, 2) };
  }
  if (format === 'md') {
    const front = stringify({
      ...(d.title !== undefined ? { title: d.title } : {}),
      channel: d.channel,
      locale: d.locale,
      market: d.market,
      status: d.status,
      ...(d.labels.ad ? { ad: d.labels.ad } : {}),
      aigc: { label: d.labels.aigc.explicit, ...implicit },
    }).trimEnd();
    const explicit = d.body.includes(d.labels.aigc.explicit) ? '' : `\n\n${d.labels.aigc.explicit}`;
    return {
      contentType: 'text/markdown; charset=utf-8',
      filename: `${base}.md`,
      body: `---\n${front}\n---\n\n${d.title ? `# ${d.title}\n\n` : ''}${d.body}${explicit}\n`,
    };
  }
  return { contentType: 'text/html; charset=utf-8', filename: `${base}.html`, body: toHtml(d) };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function bodyHtml(body: string, skip: string): string {
  const out: string[] = [];
  for (const para of body.split(/\n{2,}/)) {
    const lines = para.split('\n');
    if (lines.length === 1 && lines[0]!.trim() === skip) continue;
    if (lines.every((l) => l.startsWith('- '))) {
      out.push(`<ul>${lines.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join('')}</ul>`);
      continue;
    }
    const first = lines[0]!;
    if (first.startsWith('## ')) {
      out.push(`<h2>${escapeHtml(first.slice(3))}</h2>`);
      const rest = lines.slice(1);
      if (rest.length && rest.every((l) => l.startsWith('- '))) out.push(`<ul>${rest.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join('')}</ul>`);
      else if (rest.length) out.push(`<p>${rest.map(escapeHtml).join('<br>')}</p>`);
      continue;
    }
    out.push(`<p>${lines.map(escapeHtml).join('<br>')}</p>`);
  }
  return out.join('\n');
}

function toHtml(d: DraftView): string {
  const implicit = d.labels.aigc.implicit;
  const metas = [
    `<meta name="aigc" content="${escapeHtml(JSON.stringify(implicit))}">`,
    ...Object.entries(implicit).map(([k, v]) => `<meta name="aigc:${k}" content="${escapeHtml(String(v))}">`),
  ].join('\n');
  const lang = d.locale === 'en' ? 'en' : 'zh-CN';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(d.title ?? d.channel)}</title>
${metas}
</head>
<body data-aigc-content-id="${escapeHtml(implicit.contentId)}">
<article>
${d.title ? `<h1>${escapeHtml(d.title)}</h1>\n` : ''}${bodyHtml(d.body, d.labels.aigc.explicit)}
<p class="aigc-label" role="note">${escapeHtml(d.labels.aigc.explicit)}</p>
</article>
</body>
</html>
`;
}
