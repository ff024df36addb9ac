import { Hono } from 'hono';
import type { AppEnv } from '../deps.js';

/**
 * Interactive API reference. Swagger UI's files come from the `swagger-ui-dist`
 * package through the app's asset source, so the page works with no network.
 */
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nestwise API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body></html>`;

const init = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true, persistAuthorization: false });`;

export const docsRoutes = new Hono<AppEnv>()
  .get('/docs', (c) => c.html(page))
  .get('/docs/assets/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
