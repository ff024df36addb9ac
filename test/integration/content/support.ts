import type { Db } from '../../../src/db/db.js';
import type { AppDeps } from '../../../src/http/deps.js';
import { contentRoutes } from '../../../src/http/routes/content.js';
import { createTestApp, type TestApp } from '../../support/app.js';

/**
 * A test app with the content routes. Until src/app.ts mounts them, they are mounted
 * here (before the first request, while Hono still accepts routes); once the app mounts
 * them itself, nothing is added twice.
 */
export async function contentTestApp(db: Db, overrides: Partial<AppDeps> & { env?: Record<string, string> } = {}): Promise<TestApp> {
  const t = await createTestApp(db, overrides);
  const mounted = t.app.openAPIRegistry.definitions.some((d) => d.type === 'route' && d.route.path === '/v1/content/drafts');
  if (!mounted) t.app.route('/', contentRoutes);
  return t;
}

export interface Problem {
  status: number;
  code: string;
  detail: string;
  requestId: string;
  errors?: { field: string; message: string }[];
  reasons?: { code: string; message: string; stage?: string; ruleIds?: string[] }[];
}

export async function expectProblem(res: Response, status: number, code: string): Promise<Problem> {
  const body = (await res.json()) as Problem;
  if (res.status !== status) throw new Error(`expected ${status} ${code}, got ${res.status}: ${JSON.stringify(body)}`);
  if (!(res.headers.get('content-type') ?? '').includes('application/problem+json')) throw new Error('not problem+json');
  if (body.code !== code) throw new Error(`expected code ${code}, got ${body.code}: ${body.detail}`);
  if (body.requestId !== res.headers.get('x-request-id')) throw new Error('requestId does not match X-Request-Id');
  return body;
}

export const reviewer = (role: 'writer' | 'compliance_reviewer' | 'business_approver', id = `${role}-1`) => ({ 'X-Reviewer-Role': role, 'X-Reviewer': id });

/** Briefs used across the content tests. */
export const BRIEFS = {
  zhCream: {
    channel: 'xiaohongshu_note',
    productType: 'children_cosmetic',
    product: { name: '小树宝宝保湿面霜', brand: '小树', ageRange: '3岁以上', facts: ['含神经酰胺，帮助皮肤保湿', '无香精、无酒精配方', '可以缓解湿疹引起的干痒', '50克软管装'] },
    audienceStage: 'preschool_3_6y',
    tone: 'warm',
    length: 'short',
  },
  zhMilk: {
    channel: 'wechat_article',
    productType: 'growing_up_milk',
    product: {
      name: '悦护幼儿配方奶粉3段',
      brand: '悦护',
      ageRange: '12–36个月',
      formulaStage: 3,
      facts: ['每100克奶粉含DHA 60毫克，有助于宝宝大脑发育', '奶源来自新西兰坎特伯雷地区的牧场', '800克罐装，罐内附带专用量勺'],
    },
    audienceStage: 'toddler_1_3y',
    length: 'medium',
  },
  enDiapers: {
    channel: 'en_social_post',
    productType: 'diapers_wipes',
    market: 'US',
    product: { name: 'CloudSoft Diapers', brand: 'Nuvo', facts: ['Plant-based top sheet', 'Wetness indicator line turns blue', 'The #1 diaper moms trust'] },
    audienceStage: 'newborn',
    length: 'short',
  },
  enVitamin: {
    channel: 'en_email',
    productType: 'health_food',
    market: 'US',
    product: { name: 'Prenatal Multivitamin', brand: 'Bloom Daily', facts: ['Contains 400 mcg folic acid per tablet', 'One tablet a day', 'Boosts your immune system'] },
    audienceStage: 'pregnancy_t1',
    length: 'short',
  },
} as const;
