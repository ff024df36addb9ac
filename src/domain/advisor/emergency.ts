import type { TriageResult } from '../triage/index.js';

/**
 * The fixed emergency response: built only from the triage engine's actions (number,
 * first steps, what not to do). No retrieved or generated text decides anything here.
 */
export function emergencyAnswer(t: TriageResult, locale: 'zh-CN' | 'en'): string {
  const zh = locale === 'zh-CN';
  const lines: string[] = [];
  const call = t.actions.find((a) => a.type === 'call_emergency');
  const crisis = t.actions.find((a) => a.type === 'crisis_line');
  const poison = t.actions.find((a) => a.type === 'poison_control');
  if (call && call.type === 'call_emergency') {
    lines.push(zh ? `⚠️ 这可能是紧急情况。请立即拨打 ${call.number}，或马上去最近的急诊。` : `⚠️ This may be an emergency. Call ${call.number} now or go to the nearest emergency department.`);
    if (t.reasons.length) lines.push(zh ? `原因：${t.reasons.map((r) => r.label).join('；')}` : `Why: ${t.reasons.map((r) => r.label).join('; ')}`);
    if (call.firstSteps.length) {
      lines.push('', zh ? '在等待救护时：' : 'While you wait for help:');
      for (const s of call.firstSteps) lines.push(`- ${s}`);
    }
    if (call.doNot.length) {
      lines.push('', zh ? '不要：' : 'Do not:');
      for (const s of call.doNot) lines.push(`- ${s}`);
    }
  }
  if (poison && poison.type === 'poison_control') lines.push('', poison.label);
  if (crisis && crisis.type === 'crisis_line') {
    lines.push('', zh ? `如果你有伤害自己或孩子的想法，请现在就拨打心理援助热线 ${crisis.number}，或拨打 ${call && call.type === 'call_emergency' ? call.number : '120'}。你并不孤单，求助是勇敢的一步。` : `If you are having thoughts of harming yourself or your baby, call ${crisis.number} now, or your emergency number. You are not alone, and reaching out is a brave step.`);
  }
  if (lines.length === 0) {
    lines.push(zh ? '⚠️ 这可能是紧急情况，请立即拨打 120 或马上去急诊。' : '⚠️ This may be an emergency. Call your local emergency number now.');
  }
  return lines.join('\n');
}
