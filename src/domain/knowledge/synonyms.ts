/**
 * What parents type → the words the guidance uses. Query-side expansion only: the
 * documents stay as written. Kept small and reviewed; add an entry when an eval query
 * shows a colloquial term that misses.
 */
const ZH: [RegExp, string][] = [
  [/红屁屁|红屁股|屁屁红|腌屁股|红pp|红臀/, '尿布疹 红臀'],
  [/吐奶|漾奶|溢奶/, '吐奶 溢奶 反流'],
  [/拉肚子|拉稀|水样便/, '腹泻'],
  [/发烧|发热|高烧|烧到/, '发热 发烧 体温'],
  [/闹觉|哄睡|落地醒|抱睡|睡渣/, '睡眠 入睡 哭闹'],
  [/夜奶|夜醒|半夜醒/, '夜醒 夜间喂奶 睡眠'],
  [/长牙|出牙|萌牙/, '出牙 长牙'],
  [/坐月子|月子/, '坐月子 产后恢复'],
  [/涨奶|堵奶|奶结/, '涨奶 乳房胀痛 乳腺炎'],
  [/打针|打疫苗|疫苗针|预防针/, '疫苗 接种'],
  [/孕吐|害喜|恶心想吐/, '孕吐 恶心 呕吐'],
  [/便秘|拉不出|大便干/, '便秘 大便'],
  [/湿疹|奶癣/, '湿疹'],
  [/辅食|加辅食|米粉/, '辅食 添加'],
  [/噎|卡住|呛/, '噎食 窒息'],
  [/黄疸|皮肤发黄|眼白发黄/, '黄疸'],
  [/胎动/, '胎动'],
  [/糖耐|喝糖水|ogtt/, '糖耐量 OGTT 妊娠期糖尿病'],
  [/奶粉|配方奶|冲奶/, '配方奶 奶粉 冲调'],
  [/发脾气|哭闹打滚|闹脾气/, '发脾气 情绪'],
  [/不吃饭|挑食|偏食/, '挑食 进食'],
  [/说话晚|不说话|不会说话/, '语言发育 说话'],
  [/蛀牙|龋齿|刷牙/, '刷牙 龋齿 口腔'],
  [/上幼儿园|入园/, '入园 幼儿园'],
  [/产后抑郁|不开心|情绪低落|想哭/, '产后抑郁 情绪'],
  [/恶露/, '恶露 出血'],
  [/安全座椅|提篮/, '安全座椅'],
  [/备孕|怀不上|想要孩子/, '备孕 受孕'],
];

const EN: [RegExp, string][] = [
  [/\bnapp(y|ies)\b/, 'diaper nappy rash'],
  [/\bdiaper\b/, 'diaper nappy'],
  [/\bspit(ting)?[ -]?up\b|\bspits up\b|\bposset/, 'spit-up reflux'],
  [/\bpoop|\bpoo\b|\bstool/, 'stool poop bowel'],
  [/\bthrow(ing)? up\b|\bpuk|\bvomit/, 'vomiting'],
  [/\bshots?\b|\bjabs?\b|\bimmuni[sz]/, 'vaccine vaccination'],
  [/\bcolick?y?\b|\bcolick\b|\bcolic\b/, 'colic crying'],
  [/\bpreg(g?o|nent|nant|ant)\b/, 'pregnant pregnancy'],
  [/\bmorning sick/, 'morning sickness nausea'],
  [/\bteeth(ing)?\b|\bteath|\bteething\b/, 'teething teeth'],
  [/\bpotty\b|\btoilet/, 'potty toilet training'],
  [/\bmeltdown|\btantrum/, 'tantrums'],
  [/\bbinky|\bdummy|\bpacifier/, 'pacifier dummy'],
  [/\bboob|\bnursing|\bbreastfeed|\blatch/, 'breastfeeding'],
  [/\bsolids?\b|\bweaning|\bpuree/, 'solid foods starting solids'],
  [/\bchok|\bgag/, 'choking'],
  [/\bwon'?t (sleep|nap)|\bnaps?\b|\bnight (waking|feeds?)|\bwakes? up\b/, 'sleep naps night waking'],
  [/\bfever|\btemp(erature)?\b|\bhot to the touch\b/, 'fever temperature'],
  [/\bbaby blues|\bdepress|\bsad\b|\bcrying all the time\b/, 'postpartum depression mood'],
  [/\bkick(s|ing)?\b|\bmovements?\b/, 'baby movements'],
  [/\bcar ?seat/, 'car seat'],
  [/\bttc\b|\btrying to conceive|\btrying for a baby/, 'trying to conceive'],
  [/\bpicky|\bfussy eat/, 'picky eating'],
  [/\btalk(ing)? late|\bnot talking|\bfirst words/, 'language speech development'],
];

export function expandQuery(text: string, locale: 'zh-CN' | 'en'): string {
  const table = locale === 'zh-CN' ? ZH : EN;
  const lower = text.toLowerCase();
  const extra = table.filter(([re]) => re.test(lower)).map(([, add]) => add);
  return extra.length ? `${text} ${extra.join(' ')}` : text;
}
