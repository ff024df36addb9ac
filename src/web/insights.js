// Nestwise insights dashboard: fetches /v1/insights/* with the operator's API key and
// draws every chart as inline SVG. No charting library and no CDN: the charts needed
// here (bars, stacked bars, grouped bars, lines) take a few hundred lines, and the page
// stays one small script with nothing third-party.
(() => {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const KEY_STORE = 'nw.insights.key';
  const LANG_STORE = 'nw.insights.lang';

  // ─── Text ────────────────────────────────────────────────────────────────────────
  const TEXT = {
    'zh-CN': {
      title: 'Nestwise 洞察', switchTo: 'English', apiKey: 'API 密钥', from: '开始日期', to: '结束日期', tenant: '租户', ownTenant: '本租户',
      load: '加载', forget: '清除密钥', loading: '加载中…', loaded: '已更新 {time}', noKey: '请输入 API 密钥（sk_…）。',
      unauthorized: 'API 密钥无效或已撤销。', forbidden: '该密钥没有 insights 权限，或无权查看该租户。', failed: '加载失败：{msg}', noData: '暂无数据',
      exportDown: '导出差评候选 (JSONL)', exportMiss: '导出检索未命中候选 (JSONL)', exported: '已导出 {n} 条候选用例。',
      'k.questions': '提问', 'k.conversations': '会话', 'k.escalations': '升级后 24 小时内确认预约', 'k.feedback': '反馈率',
      'k.misses': '检索未命中率', 'k.blocked': '合规拦截', 'k.inReview': '审核中草稿', 'k.reviewMedian': '审核时长中位数',
      'c.questionsByDay': '每日提问（按阶段）', 'c.topics': '回答引用的主题', 'c.triageByDay': '每日分诊级别', 'c.escalations': '升级与 24 小时内预约',
      'c.feedbackByDay': '每日反馈', 'c.downReasons': '点踩原因', 'c.latencyByMode': '回答延迟（毫秒，按模式）', 'c.latencyByDay': '每日回答延迟（毫秒）',
      'c.misses': '检索未命中的高频问题', 'c.complianceByDay': '每日合规检查结论', 'c.categories': '合规发现（按类别）', 'c.products': '合规检查（按产品类型）',
      'c.channels': '合规检查（按渠道）', 'c.contentStates': '草稿审核状态', 'c.reviewTimes': '各审核环节时长中位数（小时）',
      'th.question': '问题', 'th.locale': '语言', 'th.count': '次数', 'th.best': '最高相似度',
      reviewSummary: '整体审核时长中位数 {m} 小时（P90 {p} 小时，共 {n} 篇）', hours: '{v} 小时', of: '{a} / {b}',
    },
    en: {
      title: 'Nestwise Insights', switchTo: '中文', apiKey: 'API key', from: 'From', to: 'To', tenant: 'Tenant', ownTenant: 'Own tenant',
      load: 'Load', forget: 'Forget key', loading: 'Loading…', loaded: 'Updated {time}', noKey: 'Enter an API key (sk_…).',
      unauthorized: 'The API key is unknown or revoked.', forbidden: 'This key lacks the insights scope, or may not see that tenant.', failed: 'Could not load: {msg}', noData: 'No data',
      exportDown: 'Export thumbs-down candidates (JSONL)', exportMiss: 'Export retrieval-miss candidates (JSONL)', exported: 'Exported {n} candidate cases.',
      'k.questions': 'Questions', 'k.conversations': 'Conversations', 'k.escalations': 'Escalations booked within 24 h', 'k.feedback': 'Feedback rate',
      'k.misses': 'Retrieval miss rate', 'k.blocked': 'Compliance blocks', 'k.inReview': 'Drafts in review', 'k.reviewMedian': 'Median time in review',
      'c.questionsByDay': 'Questions per day, by stage', 'c.topics': 'Topics cited in answers', 'c.triageByDay': 'Triage levels per day', 'c.escalations': 'Escalations and bookings within 24 h',
      'c.feedbackByDay': 'Feedback per day', 'c.downReasons': 'Thumbs-down reasons', 'c.latencyByMode': 'Answer latency by mode (ms)', 'c.latencyByDay': 'Answer latency per day (ms)',
      'c.misses': 'Most frequent retrieval misses', 'c.complianceByDay': 'Compliance verdicts per day', 'c.categories': 'Compliance findings by category', 'c.products': 'Compliance checks by product type',
      'c.channels': 'Compliance checks by channel', 'c.contentStates': 'Drafts by review state', 'c.reviewTimes': 'Median time at each review stage (hours)',
      'th.question': 'Question', 'th.locale': 'Locale', 'th.count': 'Count', 'th.best': 'Best similarity',
      reviewSummary: 'Median time in review {m} h (p90 {p} h, {n} drafts)', hours: '{v} h', of: '{a} / {b}',
    },
  };

  const NAMES = {
    'zh-CN': {
      stage: { preconception: '备孕', pregnancy_t1: '孕早期', pregnancy_t2: '孕中期', pregnancy_t3: '孕晚期', postpartum: '产后', newborn: '新生儿', infant_1_6m: '1–6 月龄', infant_6_12m: '6–12 月龄', toddler_1_3y: '1–3 岁', preschool_3_6y: '3–6 岁', unknown: '未知' },
      topic: { breastfeeding: '母乳喂养', formula_feeding: '配方奶喂养', solid_foods: '辅食', nutrition: '营养', sleep: '睡眠', development: '发育', vaccination: '疫苗接种', illness: '疾病', skin: '皮肤', safety: '安全', daily_care: '日常护理', behavior: '行为', dental: '口腔', prenatal_care: '孕期保健', postpartum_recovery: '产后恢复', mental_health: '心理健康' },
      level: { emergency: '紧急', urgent: '尽快就医', routine: '常规就诊', self_care: '居家护理' },
      category: { absolute_claim: '绝对化用语', medical_claim: '医疗功效宣称', breastmilk_substitute: '母乳代用品', infant_formula_claim: '婴配粉违规宣称', guarantee: '保证承诺', unsubstantiated_data: '无来源数据', endorsement: '违规代言', disparagement: '贬低竞品', ad_disclosure: '广告标识缺失', false_or_misleading: '虚假或误导', minor_protection: '未成年人保护', aigc_label: 'AI 生成标识' },
      productType: { infant_formula: '婴儿配方奶粉', follow_on_formula: '较大婴儿配方奶粉', growing_up_milk: '幼儿配方奶粉', complementary_food: '辅食', health_food: '保健食品', special_medical_food: '特医食品', cosmetic: '化妆品', children_cosmetic: '儿童化妆品', medical_device: '医疗器械', food_contact: '食品接触用品', diapers_wipes: '纸尿裤与湿巾', apparel: '服装', toy: '玩具', education_service: '早教服务', general: '通用', unspecified: '未指定' },
      channel: { xiaohongshu_note: '小红书笔记', wechat_article: '公众号文章', douyin_live_script: '抖音直播脚本', product_detail: '商品详情页', en_social_post: '英文社媒帖子', en_email: '英文邮件', unspecified: '未指定' },
      state: { content: '内容审核中', compliance: '合规审核中', business: '业务审批中', approved: '已通过', rejected: '已驳回', published: '已发布' },
      reviewStage: { content: '内容', compliance: '合规', business: '业务' },
      reason: { not_relevant: '答非所问', not_accurate: '不准确', not_clear: '不清楚', unsafe: '不安全', other: '其他', unspecified: '未说明' },
      mode: { online: '在线模型', offline: '离线生成', fixed: '固定回复', unknown: '未知' },
      verdict: { pass: '通过', review: '需复核', block: '拦截' },
      series: { answers: '回答', turns: '升级轮次', booked: '24 小时内确认预约', up: '点赞', down: '点踩', p50: 'P50', p95: 'P95', p99: 'P99', findings: '发现项', medianHours: '中位时长', count: '次数', drafts: '草稿' },
    },
    en: {
      stage: { preconception: 'Preconception', pregnancy_t1: 'Pregnancy T1', pregnancy_t2: 'Pregnancy T2', pregnancy_t3: 'Pregnancy T3', postpartum: 'Postpartum', newborn: 'Newborn', infant_1_6m: 'Infant 1–6 m', infant_6_12m: 'Infant 6–12 m', toddler_1_3y: 'Toddler 1–3 y', preschool_3_6y: 'Preschool 3–6 y', unknown: 'Unknown' },
      topic: { breastfeeding: 'Breastfeeding', formula_feeding: 'Formula feeding', solid_foods: 'Solid foods', nutrition: 'Nutrition', sleep: 'Sleep', development: 'Development', vaccination: 'Vaccination', illness: 'Illness', skin: 'Skin', safety: 'Safety', daily_care: 'Daily care', behavior: 'Behaviour', dental: 'Dental', prenatal_care: 'Prenatal care', postpartum_recovery: 'Postpartum recovery', mental_health: 'Mental health' },
      level: { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine', self_care: 'Self-care' },
      category: { absolute_claim: 'Absolute claim', medical_claim: 'Medical claim', breastmilk_substitute: 'Breast-milk substitute', infant_formula_claim: 'Infant-formula claim', guarantee: 'Guarantee', unsubstantiated_data: 'Unsourced data', endorsement: 'Endorsement', disparagement: 'Disparagement', ad_disclosure: 'Ad disclosure', false_or_misleading: 'False or misleading', minor_protection: 'Minor protection', aigc_label: 'AI-content label' },
      productType: { infant_formula: 'Infant formula', follow_on_formula: 'Follow-on formula', growing_up_milk: 'Growing-up milk', complementary_food: 'Complementary food', health_food: 'Health food', special_medical_food: 'Special medical food', cosmetic: 'Cosmetic', children_cosmetic: "Children's cosmetic", medical_device: 'Medical device', food_contact: 'Food contact', diapers_wipes: 'Diapers & wipes', apparel: 'Apparel', toy: 'Toy', education_service: 'Education service', general: 'General', unspecified: 'Unspecified' },
      channel: { xiaohongshu_note: 'Xiaohongshu note', wechat_article: 'WeChat article', douyin_live_script: 'Douyin live script', product_detail: 'Product detail', en_social_post: 'Social post (en)', en_email: 'Email (en)', unspecified: 'Unspecified' },
      state: { content: 'In content review', compliance: 'In compliance review', business: 'In business review', approved: 'Approved', rejected: 'Rejected', published: 'Published' },
      reviewStage: { content: 'Content', compliance: 'Compliance', business: 'Business' },
      reason: { not_relevant: 'Not relevant', not_accurate: 'Not accurate', not_clear: 'Not clear', unsafe: 'Unsafe', other: 'Other', unspecified: 'No reason given' },
      mode: { online: 'Online model', offline: 'Offline composer', fixed: 'Fixed reply', unknown: 'Unknown' },
      verdict: { pass: 'Pass', review: 'Review', block: 'Block' },
      series: { answers: 'Answers', turns: 'Escalated turns', booked: 'Confirmed booking within 24 h', up: 'Thumbs up', down: 'Thumbs down', p50: 'p50', p95: 'p95', p99: 'p99', findings: 'Findings', medianHours: 'Median', count: 'Count', drafts: 'Drafts' },
    },
  };

  const COLORS = {
    level: { emergency: '#c62828', urgent: '#ef6c00', routine: '#1e63c6', self_care: '#2e7d32' },
    verdict: { pass: '#2e7d32', review: '#f9a825', block: '#c62828' },
    palette: ['#2f6fde', '#00897b', '#8e24aa', '#f4511e', '#6d4c41', '#3949ab', '#c0ca33', '#d81b60', '#546e7a', '#fb8c00', '#9e9e9e'],
  };

  let lang = pickLang();
  let data = null;

  function pickLang() {
    const fromUrl = new URLSearchParams(location.search).get('lang');
    const stored = (() => {
      try {
        return localStorage.getItem(LANG_STORE);
      } catch {
        return null;
      }
    })();
    const l = fromUrl || stored || navigator.language || '';
    return /^en\b/i.test(l) ? 'en' : 'zh-CN';
  }

  const t = (key, vars) => {
    let s = TEXT[lang][key] ?? key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
    return s;
  };
  const nameOf = (group, id) => NAMES[lang][group]?.[id] ?? id;
  const num = (v, digits = 1) => (v == null ? '–' : new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(v));
  const pct = (v) => (v == null ? '–' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(v));

  // ─── SVG charts ──────────────────────────────────────────────────────────────────
  function node(tag, attrs, parent, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  function svgRoot(container, w, h, label) {
    const svg = node('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': label, preserveAspectRatio: 'xMidYMid meet' }, container);
    node('title', {}, svg, label);
    return svg;
  }

  /** A round axis maximum at or above v, and its tick step. */
  function niceScale(v, integer, ticks = 4) {
    if (!(v > 0)) return { max: 1, step: integer ? 1 : 0.25 };
    const raw = v / ticks;
    const mag = 10 ** Math.floor(Math.log10(raw));
    let step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
    // counts get whole-number ticks: an axis reading 0, 0.25, 0.5 drafts says nothing
    if (integer) step = Math.max(1, Math.ceil(step));
    return { max: step * Math.ceil(v / step), step };
  }

  function truncate(s, n) {
    return s.length > n ? s.slice(0, n - 1) + '…' : s;
  }

  function legend(container, items) {
    if (items.length < 2) return;
    const div = document.createElement('div');
    div.className = 'legend';
    for (const it of items) {
      const span = document.createElement('span');
      const sw = document.createElement('i');
      sw.style.background = it.color;
      span.append(sw, it.name);
      div.appendChild(span);
    }
    container.appendChild(div);
  }

  function empty(container) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = t('noData');
    container.appendChild(p);
  }

  const hasData = (series) => series.some((s) => s.values.some((v) => v != null && v > 0));

  /**
   * Vertical bars over a category axis: one series plain, several stacked or grouped.
   * Day axes show at most eight labels so they never collide.
   */
  function columnChart(container, { labels, series, stacked = false, title, xLabel = (l) => l, format = num, integer = true }) {
    if (!labels.length || !hasData(series)) return empty(container);
    const W = 640, H = 240, m = { l: 44, r: 8, t: 10, b: 30 };
    const pw = W - m.l - m.r, ph = H - m.t - m.b;
    const totals = labels.map((_, i) => (stacked ? series.reduce((s, x) => s + (x.values[i] || 0), 0) : Math.max(...series.map((x) => x.values[i] || 0))));
    const { max, step } = niceScale(Math.max(...totals), integer);
    const svg = svgRoot(container, W, H, title);
    const y = (v) => m.t + ph - (v / max) * ph;
    for (let v = 0; v <= max + 1e-9; v += step) {
      node('line', { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), stroke: '#e3e6eb' }, svg);
      node('text', { x: m.l - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5b6475' }, svg, format(v));
    }
    const band = pw / labels.length;
    const every = Math.ceil(labels.length / 8);
    const fit = Math.max(6, Math.floor((band * every) / 6.5));
    labels.forEach((label, i) => {
      const x0 = m.l + i * band;
      if (i % every === 0) node('text', { x: x0 + band / 2, y: H - 10, 'text-anchor': 'middle', 'font-size': 11, fill: '#5b6475' }, svg, truncate(xLabel(label), fit));
      let acc = 0;
      series.forEach((s, si) => {
        const v = s.values[i];
        if (!(v > 0)) return;
        const bw = stacked ? band * 0.72 : (band * 0.8) / series.length;
        const bx = stacked ? x0 + band * 0.14 : x0 + band * 0.1 + si * bw;
        const top = stacked ? y(acc + v) : y(v);
        const bottom = stacked ? y(acc) : y(0);
        const r = node('rect', { class: 'mark', x: bx, y: top, width: Math.max(bw - 1, 1), height: Math.max(bottom - top, 0.5), fill: s.color }, svg);
        node('title', {}, r, `${xLabel(label)} · ${s.name}: ${format(v)}`);
        acc += v;
      });
    });
    legend(container, series);
  }

  /** Horizontal bars with the category names on the left; several series stack or group. */
  function barChart(container, { labels, series, stacked = false, title, yLabel = (l) => l, format = num }) {
    if (!labels.length || !hasData(series)) return empty(container);
    const rowH = stacked || series.length === 1 ? 22 : 12 * series.length + 8;
    const W = 640, m = { l: 190, r: 56, t: 6, b: 6 };
    const H = m.t + m.b + rowH * labels.length;
    const pw = W - m.l - m.r;
    const totals = labels.map((_, i) => (stacked ? series.reduce((s, x) => s + (x.values[i] || 0), 0) : Math.max(...series.map((x) => x.values[i] || 0))));
    const max = Math.max(...totals) || 1;
    const svg = svgRoot(container, W, H, title);
    labels.forEach((label, i) => {
      const y0 = m.t + i * rowH;
      node('text', { x: m.l - 8, y: y0 + rowH / 2 + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#1d2433' }, svg, truncate(yLabel(label), 26));
      let acc = 0;
      series.forEach((s, si) => {
        const v = s.values[i];
        if (!(v > 0)) return;
        const bh = stacked || series.length === 1 ? rowH - 6 : 10;
        const by = stacked || series.length === 1 ? y0 + 3 : y0 + 4 + si * 12;
        const x = m.l + ((stacked ? acc : 0) / max) * pw;
        const w = Math.max((v / max) * pw, 1);
        const r = node('rect', { class: 'mark', x, y: by, width: w, height: bh, rx: 2, fill: s.color }, svg);
        node('title', {}, r, `${yLabel(label)} · ${s.name}: ${format(v)}`);
        if (!stacked) node('text', { x: x + w + 4, y: by + bh / 2 + 4, 'font-size': 11, fill: '#5b6475' }, svg, format(v));
        acc += v;
      });
      if (stacked) node('text', { x: m.l + (acc / max) * pw + 4, y: y0 + rowH / 2 + 4, 'font-size': 11, fill: '#5b6475' }, svg, format(acc));
    });
    legend(container, series);
  }

  /** Lines over a day axis; a null value breaks the line. */
  function lineChart(container, { labels, series, title, xLabel = (l) => l, format = num, integer = true }) {
    if (!labels.length || !hasData(series)) return empty(container);
    const W = 640, H = 240, m = { l: 52, r: 10, t: 10, b: 30 };
    const pw = W - m.l - m.r, ph = H - m.t - m.b;
    const { max, step } = niceScale(Math.max(...series.flatMap((s) => s.values.filter((v) => v != null))), integer);
    const svg = svgRoot(container, W, H, title);
    const x = (i) => m.l + (labels.length === 1 ? pw / 2 : (i / (labels.length - 1)) * pw);
    const y = (v) => m.t + ph - (v / max) * ph;
    for (let v = 0; v <= max + 1e-9; v += step) {
      node('line', { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), stroke: '#e3e6eb' }, svg);
      node('text', { x: m.l - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5b6475' }, svg, format(v));
    }
    const every = Math.ceil(labels.length / 8);
    labels.forEach((l, i) => {
      if (i % every === 0) node('text', { x: x(i), y: H - 10, 'text-anchor': 'middle', 'font-size': 11, fill: '#5b6475' }, svg, xLabel(l));
    });
    for (const s of series) {
      let d = '';
      let pen = false;
      s.values.forEach((v, i) => {
        if (v == null) {
          pen = false;
          return;
        }
        d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        pen = true;
      });
      if (d) node('path', { class: 'mark', d, fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-linejoin': 'round' }, svg);
      s.values.forEach((v, i) => {
        if (v == null) return;
        const c = node('circle', { class: 'mark', cx: x(i), cy: y(v), r: 2.5, fill: s.color }, svg);
        node('title', {}, c, `${xLabel(labels[i])} · ${s.name}: ${format(v)}`);
      });
    }
    legend(container, series);
  }

  // ─── Rendering the data ──────────────────────────────────────────────────────────
  const shortDay = (d) => d.slice(5);
  const chart = (name) => {
    const el = document.querySelector(`[data-chart="${name}"]`);
    el.replaceChildren();
    return el;
  };
  const title = (name) => t(`c.${name}`);
  const s = (key, values, color) => ({ name: nameOf('series', key), values, color });

  function renderKpis(d) {
    const inReview = d.content.byState.filter((x) => ['content', 'compliance', 'business'].includes(x.state)).reduce((a, x) => a + x.drafts, 0);
    const kpis = [
      ['k.questions', num(d.conversations.totals.questions, 0)],
      ['k.conversations', num(d.conversations.totals.conversations, 0)],
      ['k.escalations', `${t('of', { a: num(d.triage.escalations.booked, 0), b: num(d.triage.escalations.turns, 0) })} · ${pct(d.triage.escalations.rate)}`],
      ['k.feedback', pct(d.feedback.totals.rate)],
      ['k.misses', pct(d.misses.totals.rate)],
      ['k.blocked', `${num(d.compliance.totals.block, 0)} / ${num(d.compliance.totals.checks, 0)}`],
      ['k.inReview', num(inReview, 0)],
      ['k.reviewMedian', d.content.timeInReview.medianHours == null ? '–' : t('hours', { v: num(d.content.timeInReview.medianHours) })],
    ];
    const box = document.getElementById('kpis');
    box.replaceChildren(
      ...kpis.map(([k, v]) => {
        const div = document.createElement('div');
        div.className = 'kpi';
        div.dataset.kpi = k;
        const b = document.createElement('b');
        b.textContent = v;
        const span = document.createElement('span');
        span.textContent = t(k);
        div.append(b, span);
        return div;
      }),
    );
  }

  function render() {
    if (!data) return;
    const d = data;
    renderKpis(d);
    const days = d.conversations.byDay.map((x) => x.date);

    const stages = d.conversations.byStage.map((x) => x.stage);
    columnChart(chart('questionsByDay'), {
      title: title('questionsByDay'),
      labels: days,
      xLabel: shortDay,
      stacked: true,
      series: stages.map((st, i) => ({ name: nameOf('stage', st), color: COLORS.palette[i % COLORS.palette.length], values: d.conversations.byDay.map((x) => x.stages[st] || 0) })),
    });
    barChart(chart('topics'), {
      title: title('topics'),
      labels: d.conversations.byTopic.map((x) => x.topic),
      yLabel: (x) => nameOf('topic', x),
      series: [s('answers', d.conversations.byTopic.map((x) => x.answers), COLORS.palette[0])],
    });
    const levels = ['emergency', 'urgent', 'routine', 'self_care'];
    columnChart(chart('triageByDay'), {
      title: title('triageByDay'),
      labels: d.triage.byDay.map((x) => x.date),
      xLabel: shortDay,
      stacked: true,
      series: levels.map((l) => ({ name: nameOf('level', l), color: COLORS.level[l], values: d.triage.byDay.map((x) => x[l]) })),
    });
    barChart(chart('escalations'), {
      title: title('escalations'),
      labels: d.triage.escalations.byLevel.map((x) => x.level),
      yLabel: (x) => nameOf('level', x),
      series: [s('turns', d.triage.escalations.byLevel.map((x) => x.turns), '#90a4ae'), s('booked', d.triage.escalations.byLevel.map((x) => x.booked), '#2e7d32')],
    });
    lineChart(chart('feedbackByDay'), {
      title: title('feedbackByDay'),
      labels: d.feedback.byDay.map((x) => x.date),
      xLabel: shortDay,
      series: [s('up', d.feedback.byDay.map((x) => x.up), '#2e7d32'), s('down', d.feedback.byDay.map((x) => x.down), '#c62828')],
    });
    barChart(chart('downReasons'), {
      title: title('downReasons'),
      labels: d.feedback.downReasons.map((x) => x.reason),
      yLabel: (x) => nameOf('reason', x),
      series: [s('down', d.feedback.downReasons.map((x) => x.answers), '#c62828')],
    });
    columnChart(chart('latencyByMode'), {
      title: title('latencyByMode'),
      labels: d.latency.byMode.map((x) => x.mode),
      xLabel: (x) => nameOf('mode', x),
      series: [s('p50', d.latency.byMode.map((x) => x.p50), '#2f6fde'), s('p95', d.latency.byMode.map((x) => x.p95), '#f4511e'), s('p99', d.latency.byMode.map((x) => x.p99), '#8e24aa')],
      integer: false,
    });
    lineChart(chart('latencyByDay'), {
      title: title('latencyByDay'),
      labels: d.latency.byDay.map((x) => x.date),
      xLabel: shortDay,
      series: [s('p50', d.latency.byDay.map((x) => x.p50), '#2f6fde'), s('p95', d.latency.byDay.map((x) => x.p95), '#f4511e')],
      integer: false,
    });

    const missEl = chart('misses');
    barChart(missEl, {
      title: title('misses'),
      labels: d.misses.top.map((x) => x.question),
      series: [s('count', d.misses.top.map((x) => x.count), '#6d4c41')],
    });
    if (d.misses.top.length) {
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      for (const [k, cls] of [['th.question', ''], ['th.locale', ''], ['th.count', 'num'], ['th.best', 'num']]) {
        const th = document.createElement('th');
        th.textContent = t(k);
        if (cls) th.className = cls;
        head.appendChild(th);
      }
      const body = table.createTBody();
      for (const x of d.misses.top) {
        const row = body.insertRow();
        for (const [v, cls] of [[x.question, ''], [x.locale, ''], [num(x.count, 0), 'num'], [num(x.bestSimilarity, 3), 'num']]) {
          const td = row.insertCell();
          td.textContent = v;
          if (cls) td.className = cls;
        }
      }
      missEl.appendChild(table);
    }

    const verdicts = ['pass', 'review', 'block'];
    columnChart(chart('complianceByDay'), {
      title: title('complianceByDay'),
      labels: d.compliance.byDay.map((x) => x.date),
      xLabel: shortDay,
      stacked: true,
      series: verdicts.map((v) => ({ name: nameOf('verdict', v), color: COLORS.verdict[v], values: d.compliance.byDay.map((x) => x[v]) })),
    });
    barChart(chart('categories'), {
      title: title('categories'),
      labels: d.compliance.byCategory.map((x) => x.category),
      yLabel: (x) => nameOf('category', x),
      series: [s('findings', d.compliance.byCategory.map((x) => x.findings), '#8e24aa')],
    });
    for (const [name, rows, key, group] of [
      ['products', d.compliance.byProductType, 'productType', 'productType'],
      ['channels', d.compliance.byChannel, 'channel', 'channel'],
    ]) {
      barChart(chart(name), {
        title: title(name),
        labels: rows.map((x) => x[key]),
        yLabel: (x) => nameOf(group, x),
        stacked: true,
        series: verdicts.map((v) => ({ name: nameOf('verdict', v), color: COLORS.verdict[v], values: rows.map((x) => x[v]) })),
      });
    }
    columnChart(chart('contentStates'), {
      title: title('contentStates'),
      labels: d.content.byState.map((x) => x.state),
      xLabel: (x) => nameOf('state', x),
      series: [s('drafts', d.content.byState.map((x) => x.drafts), '#3949ab')],
      format: (v) => num(v, 0),
    });
    const timesEl = chart('reviewTimes');
    columnChart(timesEl, {
      title: title('reviewTimes'),
      labels: d.content.decisions.map((x) => x.stage),
      xLabel: (x) => nameOf('reviewStage', x),
      series: [s('medianHours', d.content.decisions.map((x) => x.medianHours), '#00897b')],
      format: (v) => t('hours', { v: num(v) }),
      integer: false,
    });
    const tir = d.content.timeInReview;
    if (tir.drafts) {
      const p = document.createElement('p');
      p.className = 'legend';
      p.textContent = t('reviewSummary', { m: num(tir.medianHours), p: num(tir.p90Hours), n: tir.drafts });
      timesEl.appendChild(p);
    }
  }

  // ─── Loading ─────────────────────────────────────────────────────────────────────
  const $ = (id) => document.getElementById(id);

  // The last status as a text key and its values, so a language switch re-words it.
  let lastStatus = null;
  function status(key, vars, error = false) {
    lastStatus = key ? { key, vars, error } : null;
    const el = $('status');
    el.textContent = key ? t(key, vars) : '';
    el.classList.toggle('error', error);
  }

  function storedKey() {
    try {
      return sessionStorage.getItem(KEY_STORE) || '';
    } catch {
      return '';
    }
  }

  function params(extra) {
    const p = new URLSearchParams({ from: $('from').value, to: $('to').value, tz: tz() });
    const tenant = $('tenant').value;
    if (tenant) p.set('tenantId', tenant);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p;
  }

  function tz() {
    return new URLSearchParams(location.search).get('tz') || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  }

  async function api(path, extra) {
    const res = await fetch(`/v1/insights/${path}?${params(extra)}`, { headers: { authorization: `Bearer ${$('key').value.trim()}` } });
    if (res.status === 401 || res.status === 403) throw Object.assign(new Error(`HTTP ${res.status}`), { key: res.status === 401 ? 'unauthorized' : 'forbidden' });
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      throw new Error(body.detail || `HTTP ${res.status}`);
    }
    return res;
  }

  async function loadTenants() {
    const wrap = $('tenant-wrap');
    const select = $('tenant');
    try {
      const res = await fetch('/v1/admin/tenants', { headers: { authorization: `Bearer ${$('key').value.trim()}` } });
      if (!res.ok) throw new Error('no tenant list');
      const { tenants } = await res.json();
      if (!tenants || tenants.length < 2) throw new Error('one tenant');
      const chosen = select.value || new URLSearchParams(location.search).get('tenantId') || '';
      select.replaceChildren();
      const own = document.createElement('option');
      own.value = '';
      own.textContent = t('ownTenant');
      select.appendChild(own);
      for (const tn of tenants) {
        if (tn.isOperator) continue;
        const o = document.createElement('option');
        o.value = tn.id;
        o.textContent = tn.name;
        select.appendChild(o);
      }
      select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
      wrap.hidden = false;
    } catch {
      select.replaceChildren();
      wrap.hidden = true;
    }
  }

  async function load() {
    const key = $('key').value.trim();
    if (!key) return status('noKey', undefined, true);
    try {
      sessionStorage.setItem(KEY_STORE, key);
    } catch {
      // storage disabled: the key lives in the field only
    }
    status('loading');
    document.body.setAttribute('aria-busy', 'true');
    document.body.dataset.loaded = 'false';
    try {
      if ($('tenant-wrap').hidden) await loadTenants();
      const names = ['conversations', 'triage', 'feedback', 'latency', 'retrieval-misses', 'compliance', 'content'];
      const [conversations, triage, feedback, latency, misses, compliance, content] = await Promise.all(names.map(async (n) => (await api(n)).json()));
      data = { conversations, triage, feedback, latency, misses, compliance, content };
      render();
      status('loaded', { time: new Date().toLocaleTimeString(lang) });
      document.body.dataset.loaded = 'true';
    } catch (err) {
      status(err.key || 'failed', { msg: err.message }, true);
    } finally {
      document.body.removeAttribute('aria-busy');
    }
  }

  async function exportCandidates(kind) {
    try {
      const res = await api('eval-candidates', { kind });
      const text = await res.text();
      const n = text ? text.trimEnd().split('\n').length : 0;
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
      a.download = `eval-candidates-${kind}-${$('from').value}-${$('to').value}.jsonl`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      status('exported', { n });
    } catch (err) {
      status(err.key || 'failed', { msg: err.message }, true);
    }
  }

  function applyLang() {
    document.documentElement.lang = lang;
    document.title = t('title');
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    $('lang').textContent = t('switchTo');
    $('lang').setAttribute('aria-label', lang === 'en' ? 'Switch to Chinese' : '切换到英文');
    const own = $('tenant').querySelector('option[value=""]');
    if (own) own.textContent = t('ownTenant');
    if (lastStatus) status(lastStatus.key, lastStatus.vars, lastStatus.error);
    render();
  }

  function isoDay(d) {
    const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }

  function init() {
    const q = new URLSearchParams(location.search);
    const today = new Date();
    $('to').value = q.get('to') || isoDay(today);
    $('from').value = q.get('from') || isoDay(new Date(today.getTime() - 29 * 86_400_000));
    $('key').value = storedKey();
    applyLang();
    $('filters').addEventListener('submit', (e) => {
      e.preventDefault();
      load();
    });
    $('tenant').addEventListener('change', () => load());
    $('forget').addEventListener('click', () => {
      try {
        sessionStorage.removeItem(KEY_STORE);
      } catch {
        // nothing stored
      }
      $('key').value = '';
      $('tenant-wrap').hidden = true;
      status(null);
    });
    $('lang').addEventListener('click', () => {
      lang = lang === 'en' ? 'zh-CN' : 'en';
      try {
        localStorage.setItem(LANG_STORE, lang);
      } catch {
        // preference not kept
      }
      applyLang();
    });
    for (const b of document.querySelectorAll('[data-export]')) b.addEventListener('click', () => exportCandidates(b.dataset.export));
    if ($('key').value) load();
  }

  init();
})();
