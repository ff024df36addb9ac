// Nestwise content studio console: plain browser JavaScript, no framework, no CDN.
// The API key lives in sessionStorage only (gone when the tab closes). Review roles are
// sent as X-Reviewer-Role / X-Reviewer because API keys belong to systems, not people.
(function () {
  'use strict';

  var I18N = {
    'zh-CN': {
      appTitle: 'Nestwise 内容工作室', uiLanguage: '界面语言', apiKey: 'API 密钥', saveKey: '保存', role: '审核角色',
      role_writer: '撰稿人', role_compliance_reviewer: '合规审核', role_business_approver: '业务审批', reviewerId: '审核人 ID',
      briefTitle: '简报', channel: '渠道', length: '篇幅', len_short: '短', len_medium: '中', len_long: '长', locale: '内容语言', market: '市场',
      productType: '产品类型', productName: '产品名称', brand: '品牌', ageRange: '适用年龄', formulaStage: '段位',
      facts: '产品事实（每行一条；可写"事实 | 来源"）', audienceStage: '受众阶段', tone: '语气', tone_warm: '温暖', tone_professional: '专业',
      tone_playful: '活泼', tone_calm: '平实', commercial: '商业推广内容', generate: '生成草稿', draftsTitle: '草稿列表', all: '全部', refresh: '刷新',
      draft: '草稿', preview: '预览（鼠标悬停或键盘聚焦标出的文字查看说明）', findingsTitle: '检查结果', editTitle: '编辑（实时检查）',
      titleLabel: '标题', bodyLabel: '正文', saveEdit: '保存为新修订', reviewTitle: '三级审核', comment: '意见', publish: '发布',
      overrideTitle: '合规豁免（仅合规审核，需写明理由）', override: '记录豁免', exportTitle: '导出', historyTitle: '修订记录',
      ch_xiaohongshu_note: '小红书笔记', ch_wechat_article: '公众号文章', ch_douyin_live_script: '抖音直播脚本', ch_product_detail: '商品详情页',
      ch_en_social_post: '英文社交帖子', ch_en_email: '英文营销邮件',
      stage_content: '内容审核', stage_compliance: '合规审核', stage_business: '业务审批', approve: '通过', reject: '驳回',
      st_pending: '待审', st_approved: '已通过', st_rejected: '已驳回',
      sev_block: '禁止', sev_review: '需复核', sev_advisory: '提示', basis: '依据', suggestion: '建议',
      noFindings: '没有发现问题。', needKey: '请先填写 API 密钥。', generating: '正在生成…', generated: '草稿已生成。',
      saved: '已保存为新修订，审核需重新开始。', reviewed: '审核意见已记录。', published: '已发布。', overridden: '豁免已记录并审计。',
      publishRefused: '无法发布：', liveChecking: '实时检查中…', liveDone: '实时检查完成（保存后会再做完整检查，包括必备标识）。',
      liveUnavailable: '实时检查不可用（需要 compliance 权限）。', nearDuplicate: '疑似重复', revision: '修订', round: '第 {n} 轮',
      generatedText: '生成的原文', changes: '修改', mandatoryAdded: '补充的必备元素', fallback: '模型不可用，已改用离线写作',
      keySaved: '密钥已保存在本标签页。', exported: '导出完成', download: '下载', field_title: '标题', field_body: '正文', missing: '缺少',
    },
    en: {
      appTitle: 'Nestwise content studio', uiLanguage: 'Interface', apiKey: 'API key', saveKey: 'Save', role: 'Review role',
      role_writer: 'Writer', role_compliance_reviewer: 'Compliance reviewer', role_business_approver: 'Business approver', reviewerId: 'Reviewer id',
      briefTitle: 'Brief', channel: 'Channel', length: 'Length', len_short: 'Short', len_medium: 'Medium', len_long: 'Long', locale: 'Content language', market: 'Market',
      productType: 'Product type', productName: 'Product name', brand: 'Brand', ageRange: 'Age range', formulaStage: 'Formula stage',
      facts: 'Product facts (one per line; "fact | source" adds a source)', audienceStage: 'Audience stage', tone: 'Tone', tone_warm: 'Warm', tone_professional: 'Professional',
      tone_playful: 'Playful', tone_calm: 'Calm', commercial: 'Commercial content', generate: 'Generate draft', draftsTitle: 'Drafts', all: 'All', refresh: 'Refresh',
      draft: 'Draft', preview: 'Preview (hover or focus a highlight for the explanation)', findingsTitle: 'Findings', editTitle: 'Edit (live checking)',
      titleLabel: 'Title', bodyLabel: 'Body', saveEdit: 'Save as new revision', reviewTitle: 'Three-stage review', comment: 'Comment', publish: 'Publish',
      overrideTitle: 'Compliance override (compliance reviewer only, reason required)', override: 'Record override', exportTitle: 'Export', historyTitle: 'Revision history',
      ch_xiaohongshu_note: 'Xiaohongshu note', ch_wechat_article: 'WeChat article', ch_douyin_live_script: 'Douyin live script', ch_product_detail: 'Product detail page',
      ch_en_social_post: 'Social post', ch_en_email: 'Marketing e-mail',
      stage_content: 'Content', stage_compliance: 'Compliance', stage_business: 'Business', approve: 'Approve', reject: 'Reject',
      st_pending: 'pending', st_approved: 'approved', st_rejected: 'rejected',
      sev_block: 'Block', sev_review: 'Review', sev_advisory: 'Advisory', basis: 'Basis', suggestion: 'Suggestion',
      noFindings: 'No findings.', needKey: 'Enter an API key first.', generating: 'Generating…', generated: 'Draft generated.',
      saved: 'Saved as a new revision; the reviews start again.', reviewed: 'Decision recorded.', published: 'Published.', overridden: 'Override recorded and audited.',
      publishRefused: 'Publishing refused: ', liveChecking: 'Checking…', liveDone: 'Live check done (saving runs the full check, mandatory labels included).',
      liveUnavailable: 'Live checking unavailable (needs the compliance scope).', nearDuplicate: 'near-duplicate', revision: 'Revision', round: 'Round {n}',
      generatedText: 'Generated text', changes: 'Changes', mandatoryAdded: 'Mandatory elements added', fallback: 'Model unavailable; the offline writer was used',
      keySaved: 'Key kept for this tab.', exported: 'Exported', download: 'Download', field_title: 'title', field_body: 'body', missing: 'Missing',
    },
  };

  var $ = function (id) { return document.getElementById(id); };
  var ui = localStorage.getItem('nw.console.lang') || ((navigator.language || '').toLowerCase().indexOf('zh') === 0 ? 'zh-CN' : 'en');
  var state = { draft: null, live: null, liveTimer: null, liveSeq: 0 };

  function t(k, vars) {
    var s = (I18N[ui] && I18N[ui][k]) || I18N.en[k] || k;
    if (vars) Object.keys(vars).forEach(function (v) { s = s.replace('{' + v + '}', vars[v]); });
    return s;
  }

  function applyI18n() {
    document.documentElement.lang = ui;
    document.title = t('appTitle');
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    $('uiLang').value = ui;
    if (state.draft) showDraft(state.draft);
  }

  function notice(kind, text) {
    var n = $('notice');
    n.className = kind;
    n.textContent = text;
    n.hidden = !text;
  }

  function key() { return sessionStorage.getItem('nw.console.key') || ''; }

  function reviewerHeaders() {
    var id = $('reviewerId').value.trim();
    if (!id) return {};
    return { 'X-Reviewer-Role': $('role').value, 'X-Reviewer': id };
  }

  function api(method, path, body, headers) {
    if (!key()) return Promise.reject({ detail: t('needKey') });
    var h = Object.assign({ Authorization: 'Bearer ' + key(), Accept: 'application/json' }, headers || {});
    if (body !== undefined) h['Content-Type'] = 'application/json';
    return fetch(path, { method: method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) }).then(function (res) {
      var type = res.headers.get('content-type') || '';
      var parse = type.indexOf('json') >= 0 ? res.json() : res.text();
      return parse.then(function (data) {
        if (!res.ok) { var err = typeof data === 'object' ? data : { detail: String(data) }; err.status = res.status; throw err; }
        return { data: data, res: res };
      });
    });
  }

  function problemText(p) {
    var s = p.detail || p.title || String(p);
    if (p.errors && p.errors.length) s += ' (' + p.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ') + ')';
    return s;
  }

  // ------------------------------------------------------------------ highlighting

  var SEV_RANK = { block: 3, review: 2, advisory: 1 };

  /** Splits `text` at every finding boundary and wraps covered runs in <mark>, one per run. */
  function renderHighlighted(container, text, findings, field) {
    container.textContent = '';
    var spans = [];
    findings.forEach(function (f, i) {
      if ((f.field || 'body') === field && f.end > f.start) spans.push({ s: Math.max(0, f.start), e: Math.min(text.length, f.end), i: i });
    });
    var cuts = [0, text.length];
    spans.forEach(function (sp) { cuts.push(sp.s, sp.e); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    for (var k = 0; k < cuts.length - 1; k++) {
      var a = cuts[k], b = cuts[k + 1];
      if (b <= a) continue;
      var cover = spans.filter(function (sp) { return sp.s <= a && sp.e >= b; }).map(function (sp) { return sp.i; });
      var chunk = text.slice(a, b);
      if (!cover.length) { container.appendChild(document.createTextNode(chunk)); continue; }
      var sev = cover.reduce(function (m, i) { return SEV_RANK[findings[i].severity] > SEV_RANK[m] ? findings[i].severity : m; }, 'advisory');
      var mark = document.createElement('mark');
      mark.className = 'finding sev-' + sev;
      mark.tabIndex = 0;
      mark.setAttribute('data-findings', cover.join(','));
      mark.setAttribute('aria-label', cover.map(function (i) { return findings[i].message; }).join(' / '));
      mark.textContent = chunk;
      container.appendChild(mark);
    }
  }

  function showTip(mark) {
    var list = state.shownFindings || [];
    var tip = $('tip');
    tip.textContent = '';
    mark.getAttribute('data-findings').split(',').forEach(function (i, n) {
      var f = list[Number(i)];
      if (!f) return;
      if (n > 0) tip.appendChild(document.createElement('hr'));
      var head = document.createElement('div');
      head.className = 't-sev';
      head.textContent = t('sev_' + f.severity) + ' · ' + f.category + ' · ' + f.ruleId;
      var msg = document.createElement('div');
      msg.className = 't-msg';
      msg.textContent = f.message;
      var basis = document.createElement('div');
      basis.className = 't-basis';
      basis.textContent = t('basis') + ': ' + f.legalBasis;
      var sug = document.createElement('div');
      sug.className = 't-sug';
      sug.textContent = t('suggestion') + ': ' + f.suggestion;
      tip.append(head, msg, basis, sug);
    });
    var r = mark.getBoundingClientRect();
    tip.style.left = Math.max(8, r.left + window.scrollX) + 'px';
    tip.style.top = r.bottom + window.scrollY + 6 + 'px';
    tip.hidden = false;
    mark.setAttribute('aria-describedby', 'tip');
  }

  function hideTip(mark) {
    $('tip').hidden = true;
    if (mark) mark.removeAttribute('aria-describedby');
  }

  ['mouseover', 'focusin'].forEach(function (ev) {
    document.addEventListener(ev, function (e) {
      var m = e.target.closest && e.target.closest('mark.finding');
      if (m) showTip(m);
    });
  });
  ['mouseout', 'focusout'].forEach(function (ev) {
    document.addEventListener(ev, function (e) {
      var m = e.target.closest && e.target.closest('mark.finding');
      if (m) hideTip(m);
    });
  });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hideTip(); });

  function showPreview(title, body, findings) {
    state.shownFindings = findings;
    renderHighlighted($('previewTitle'), title || '', findings, 'title');
    renderHighlighted($('preview'), body, findings, 'body');
    var ul = $('findings');
    ul.textContent = '';
    if (!findings.length) {
      var li0 = document.createElement('li');
      li0.textContent = t('noFindings');
      ul.appendChild(li0);
    }
    findings.forEach(function (f) {
      var li = document.createElement('li');
      li.className = 'sev-' + f.severity;
      var where = f.end > f.start ? '“' + f.match + '” (' + t('field_' + (f.field || 'body')) + ' ' + f.start + '–' + f.end + ')' : t('missing');
      li.textContent = '[' + t('sev_' + f.severity) + '] ' + where + ' — ' + f.message + ' ' + t('suggestion') + ': ' + f.suggestion;
      li.setAttribute('data-rule', f.ruleId);
      ul.appendChild(li);
    });
  }

  // ------------------------------------------------------------------ draft view

  function showDraft(d) {
    state.draft = d;
    state.live = null;
    $('draftCard').hidden = false;
    $('draftCard').setAttribute('data-revision', String(d.revision));
    $('draftCard').setAttribute('data-id', d.id);
    $('reviewCard').hidden = false;
    $('exportCard').hidden = false;
    $('historyCard').hidden = false;
    $('draftId').textContent = d.id.slice(0, 8) + ' · ' + t('revision') + ' ' + d.revision;
    $('draftStatus').textContent = d.status;
    $('draftStatus').setAttribute('data-status', d.status);
    var v = $('draftVerdict');
    v.textContent = d.verdict;
    v.className = 'status verdict-' + d.verdict;
    var dup = $('dupFlag');
    dup.classList.toggle('hidden', !d.needsReview);
    dup.textContent = d.needsReview ? t('nearDuplicate') + (d.nearDuplicate ? ' · ' + d.nearDuplicate.draftId.slice(0, 8) : '') : '';
    $('editTitle').value = d.title || '';
    $('editBody').value = d.body;
    $('liveState').textContent = '';
    showPreview(d.title, d.body, d.findings);
    showStages(d);
    showHistory(d);
    $('publishReasons').textContent = '';
    var ro = d.status === 'published';
    ['saveEdit', 'publish', 'override'].forEach(function (id) { $(id).disabled = ro; });
  }

  function showStages(d) {
    var box = $('stages');
    box.textContent = '';
    d.reviews.stages.forEach(function (s) {
      var div = document.createElement('div');
      div.className = 'stage';
      div.setAttribute('data-stage', s.stage);
      div.setAttribute('data-status', s.status);
      var h = document.createElement('strong');
      h.textContent = t('stage_' + s.stage);
      var st = document.createElement('div');
      st.className = 'muted';
      st.textContent = t('role_' + s.role) + ' · ' + t('st_' + s.status) + (s.reviewer ? ' · ' + s.reviewer : '') + (s.comment ? ' · ' + s.comment : '');
      var btns = document.createElement('div');
      btns.className = 'buttons';
      ['approve', 'reject'].forEach(function (dec) {
        var b = document.createElement('button');
        b.className = dec === 'approve' ? 'secondary' : 'danger';
        b.textContent = t(dec);
        b.setAttribute('data-stage', s.stage);
        b.setAttribute('data-decision', dec);
        b.disabled = d.status === 'published';
        btns.appendChild(b);
      });
      div.append(h, st, btns);
      box.appendChild(div);
    });
  }

  function diffHtml(ops, into) {
    var pre = document.createElement('pre');
    pre.className = 'diff';
    (ops || []).forEach(function (o) {
      var el = o.op === '=' ? document.createTextNode(o.text) : document.createElement(o.op === '+' ? 'ins' : 'del');
      if (o.op !== '=') el.textContent = o.text;
      pre.appendChild(el);
    });
    into.appendChild(pre);
  }

  function showHistory(d) {
    var box = $('history');
    box.textContent = '';
    d.revisions.forEach(function (r) {
      var det = document.createElement('details');
      var sum = document.createElement('summary');
      sum.textContent = t('revision') + ' ' + r.number + ' · ' + r.kind + ' · ' + r.actor + ' · ' + r.verdict + ' · ' + r.createdAt;
      det.appendChild(sum);
      var h = r.history || {};
      if (h.fallbacks && h.fallbacks.length) {
        var fb = document.createElement('p');
        fb.className = 'muted';
        fb.textContent = t('fallback') + ': ' + h.fallbacks.map(function (f) { return f.stage + ' (' + f.error + ')'; }).join('; ');
        det.appendChild(fb);
      }
      if (h.generated) {
        var g = document.createElement('div');
        g.className = 'muted';
        g.textContent = t('generatedText');
        var pre = document.createElement('pre');
        pre.textContent = (h.generated.title ? h.generated.title + '\n' : '') + h.generated.body;
        det.append(g, pre);
      }
      (h.rounds || []).forEach(function (round) {
        var p = document.createElement('div');
        p.className = 'muted';
        p.textContent = t('round', { n: round.round }) + ' (' + round.reviser + '): ' + round.findings.length + ' findings, ' + round.changes.length + ' ' + t('changes');
        det.appendChild(p);
        var ul = document.createElement('ul');
        ul.className = 'findings';
        round.changes.forEach(function (c) {
          var li = document.createElement('li');
          li.textContent = c.how + ' · ' + c.ruleIds.join(', ') + ': “' + c.from + '” → “' + c.to + '”';
          ul.appendChild(li);
        });
        det.appendChild(ul);
        if (round.diff) diffHtml(round.diff.body, det);
      });
      if (h.mandatoryAdded && h.mandatoryAdded.length) {
        var m = document.createElement('p');
        m.className = 'muted';
        m.textContent = t('mandatoryAdded') + ': ' + h.mandatoryAdded.join(', ');
        det.appendChild(m);
      }
      if (h.diff) diffHtml(h.diff.body, det);
      box.appendChild(det);
    });
  }

  // ------------------------------------------------------------------ actions

  function briefFromForm() {
    var f = $('briefForm').elements;
    var facts = f.facts.value.split('\n').map(function (l) { return l.trim(); }).filter(Boolean).map(function (l) {
      var parts = l.split('|');
      if (parts.length > 1 && parts[1].trim()) return { text: parts[0].trim(), source: parts.slice(1).join('|').trim() };
      return parts[0].trim();
    });
    var brief = { channel: f.channel.value, productType: f.productType.value, product: { name: f.name.value.trim(), facts: facts }, tone: f.tone.value, length: f.length.value, commercial: f.commercial.checked };
    if (f.locale.value) brief.locale = f.locale.value;
    if (f.market.value) brief.market = f.market.value;
    if (f.brand.value.trim()) brief.product.brand = f.brand.value.trim();
    if (f.ageRange.value.trim()) brief.product.ageRange = f.ageRange.value.trim();
    if (f.formulaStage.value) brief.product.formulaStage = Number(f.formulaStage.value);
    if (f.audienceStage.value) brief.audienceStage = f.audienceStage.value;
    return brief;
  }

  function handle(p) {
    if (p && p.code === 'publish_blocked') {
      var ul = $('publishReasons');
      ul.textContent = '';
      (p.reasons || []).forEach(function (r) {
        var li = document.createElement('li');
        li.className = 'sev-block';
        li.setAttribute('data-reason', r.code);
        li.textContent = r.message;
        ul.appendChild(li);
      });
      notice('error', t('publishRefused') + (p.reasons || []).map(function (r) { return r.message; }).join(' '));
      return;
    }
    notice('error', problemText(p || {}));
  }

  $('briefForm').addEventListener('submit', function (e) {
    e.preventDefault();
    notice('info', t('generating'));
    $('generate').disabled = true;
    api('POST', '/v1/content/drafts', briefFromForm(), reviewerHeaders())
      .then(function (r) { showDraft(r.data); notice('info', t('generated')); loadList(); })
      .catch(handle)
      .finally(function () { $('generate').disabled = false; });
  });

  function liveCheck() {
    var d = state.draft;
    if (!d) return;
    var title = $('editTitle').value;
    var body = $('editBody').value;
    var hasTitle = title !== '';
    var text = hasTitle ? title + '\n' + body : body;
    var seq = ++state.liveSeq;
    $('liveState').textContent = t('liveChecking');
    api('POST', '/v1/compliance/check', { text: text, locale: d.locale, channel: d.channel, productType: d.productType, market: d.market })
      .then(function (r) {
        if (seq !== state.liveSeq) return; // a newer edit is being checked
        var off = hasTitle ? title.length + 1 : 0;
        var findings = r.data.findings.map(function (f) {
          var inTitle = hasTitle && f.start < off && !(f.start === 0 && f.end === 0);
          var base = inTitle ? 0 : off;
          return Object.assign({}, f, { field: inTitle ? 'title' : 'body', start: f.start - base, end: Math.min(f.end, inTitle ? title.length : text.length) - base });
        });
        state.live = findings;
        showPreview(title, body, findings);
        $('liveState').textContent = t('liveDone');
      })
      .catch(function (p) {
        if (seq !== state.liveSeq) return;
        showPreview(title, body, []);
        $('liveState').textContent = p && (p.status === 403 || p.status === 404) ? t('liveUnavailable') : problemText(p || {});
      });
  }

  function scheduleLive() {
    clearTimeout(state.liveTimer);
    state.liveTimer = setTimeout(liveCheck, 400);
  }
  $('editTitle').addEventListener('input', scheduleLive);
  $('editBody').addEventListener('input', scheduleLive);

  $('saveEdit').addEventListener('click', function () {
    var d = state.draft;
    if (!d) return;
    api('PATCH', '/v1/content/drafts/' + d.id, { title: $('editTitle').value, body: $('editBody').value }, reviewerHeaders())
      .then(function (r) { showDraft(r.data); notice('info', t('saved')); loadList(); })
      .catch(handle);
  });

  $('stages').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-decision]');
    if (!b || !state.draft) return;
    var body = { stage: b.getAttribute('data-stage'), decision: b.getAttribute('data-decision') };
    var c = $('reviewComment').value.trim();
    if (c) body.comment = c;
    api('POST', '/v1/content/drafts/' + state.draft.id + '/reviews', body, reviewerHeaders())
      .then(function (r) { showDraft(r.data); notice('info', t('reviewed')); loadList(); })
      .catch(handle);
  });

  $('publish').addEventListener('click', function () {
    if (!state.draft) return;
    api('POST', '/v1/content/drafts/' + state.draft.id + '/publish', undefined, reviewerHeaders())
      .then(function (r) { showDraft(r.data); notice('info', t('published')); loadList(); })
      .catch(handle);
  });

  $('override').addEventListener('click', function () {
    if (!state.draft) return;
    api('POST', '/v1/content/drafts/' + state.draft.id + '/override', { reason: $('overrideReason').value }, reviewerHeaders())
      .then(function (r) { showDraft(r.data); notice('info', t('overridden')); })
      .catch(handle);
  });

  $('exportCard').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-format]');
    if (!b || !state.draft) return;
    var format = b.getAttribute('data-format');
    api('GET', '/v1/content/drafts/' + state.draft.id + '/export?format=' + format)
      .then(function (r) {
        var text = typeof r.data === 'string' ? r.data : JSON.stringify(r.data, null, 2);
        var pre = $('exportPreview');
        pre.textContent = text;
        pre.classList.remove('hidden');
        pre.setAttribute('data-format', format);
        var type = r.res.headers.get('content-type') || 'text/plain';
        var a = $('download');
        if (a.href) URL.revokeObjectURL(a.href);
        a.href = URL.createObjectURL(new Blob([text], { type: type }));
        var cd = r.res.headers.get('content-disposition') || '';
        var m = /filename="([^"]+)"/.exec(cd);
        a.download = m ? m[1] : 'draft.' + format;
        a.textContent = t('download') + ' ' + a.download;
        a.classList.remove('hidden');
        notice('info', t('exported') + ': ' + format);
      })
      .catch(handle);
  });

  function loadList() {
    if (!key()) return;
    var s = $('statusFilter').value;
    api('GET', '/v1/content/drafts' + (s ? '?status=' + s : ''))
      .then(function (r) {
        var tb = $('draftList');
        tb.textContent = '';
        r.data.drafts.forEach(function (d) {
          var tr = document.createElement('tr');
          var a = document.createElement('a');
          a.href = '#' + d.id;
          a.textContent = d.title || d.id.slice(0, 8);
          a.addEventListener('click', function (e) {
            e.preventDefault();
            api('GET', '/v1/content/drafts/' + d.id).then(function (x) { showDraft(x.data); }).catch(handle);
          });
          var c1 = document.createElement('td');
          c1.appendChild(a);
          var c2 = document.createElement('td');
          c2.textContent = d.channel;
          var c3 = document.createElement('td');
          c3.textContent = d.status + ' · ' + d.verdict + (d.needsReview ? ' · ' + t('nearDuplicate') : '');
          tr.append(c1, c2, c3);
          tb.appendChild(tr);
        });
      })
      .catch(function () { /* the list is a convenience; errors show on actions */ });
  }
  $('refreshList').addEventListener('click', loadList);
  $('statusFilter').addEventListener('change', loadList);

  $('saveKey').addEventListener('click', function () {
    sessionStorage.setItem('nw.console.key', $('apiKey').value.trim());
    $('apiKey').value = '';
    $('apiKey').placeholder = '••••' + key().slice(-4);
    notice('info', t('keySaved'));
    loadList();
  });
  $('uiLang').addEventListener('change', function () {
    ui = $('uiLang').value;
    localStorage.setItem('nw.console.lang', ui);
    applyI18n();
  });
  $('reviewerId').value = sessionStorage.getItem('nw.console.reviewer') || '';
  $('reviewerId').addEventListener('change', function () { sessionStorage.setItem('nw.console.reviewer', $('reviewerId').value.trim()); });

  if (key()) $('apiKey').placeholder = '••••' + key().slice(-4);
  applyI18n();
  loadList();
})();
