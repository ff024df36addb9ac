import { describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { createRouter } from '../../../src/http/router.js';
import { familyRoutes } from '../../../src/http/routes/families.js';

describe('families API description', () => {
  it('describes the four family endpoints in an OpenAPI document a validator accepts', async () => {
    const app = createRouter();
    app.route('/', familyRoutes);
    app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer' });
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'families', version: '1' } }) as unknown as { paths: Record<string, Record<string, unknown>> };
    const result = await validate(structuredClone(doc) as never);
    if (!result.valid) expect(result.errors).toEqual([]);
    expect(Object.keys(doc.paths).sort()).toEqual(['/v1/families', '/v1/families/{id}', '/v1/families/{id}/timeline']);
    expect(Object.keys(doc.paths['/v1/families/{id}']!).sort()).toEqual(['get', 'patch']);
  });
});
