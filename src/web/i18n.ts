/**
 * The portal's own words in Chinese (first) and English. Rule messages and document text stay as
 * printed (Chinese); only the interface switches.
 */
export type Lang = 'zh' | 'en';

const WORDS = {
  site: { zh: '公开 · 部门预算公开平台', en: 'Gongkai · Department budget disclosures' },
  home: { zh: '首页', en: 'Home' },
  check: { zh: '检查文件', en: 'Check a document' },
  checkIntro: {
    zh: '上传一份部门预算公开文件（PDF、由 PDF 转出的文本，或工作簿），立即查看审核结果。上传的文件只用于本次检查，处理后即丢弃，不会保存。',
    en: 'Upload a department budget disclosure (PDF, text extracted from a PDF, or a workbook) and see the findings at once. The file is used for this check only and discarded; nothing is stored.',
  },
  file: { zh: '文件', en: 'File' },
  limits: {
    zh: '大小上限 {mb} MB；PDF 最多 500 页。',
    en: 'Up to {mb} MB; PDFs up to 500 pages.',
  },
  submit: { zh: '开始检查', en: 'Check' },
  results: { zh: '检查结果', en: 'Findings' },
  noFindings: { zh: '未发现问题。', en: 'No findings.' },
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Info' },
  where: { zh: '位置', en: 'Where' },
  stated: { zh: '印刷值', en: 'Stated' },
  expected: { zh: '应为', en: 'Expected' },
  difference: { zh: '差额', en: 'Difference' },
  rules: { zh: '规则执行情况', en: 'Rules' },
  passed: { zh: '通过', en: 'passed' },
  failed: { zh: '未通过', en: 'failed' },
  notApplicable: { zh: '不适用', en: 'not applicable' },
  insufficient: { zh: '数据不足', en: 'insufficient data' },
  summary: {
    zh: '{unit} {year} 年（模板 {template}）：错误 {errors} 项，警告 {warnings} 项，提示 {infos} 项。',
    en: '{unit}, {year} (template {template}): {errors} errors, {warnings} warnings, {infos} notes.',
  },
  refused: { zh: '无法检查该文件', en: 'The file cannot be checked' },
  noFile: { zh: '请选择要上传的文件。', en: 'Choose a file to upload.' },
  tooLarge: { zh: '文件过大（上限 {mb} MB）。', en: 'The file is too large (limit {mb} MB).' },
  regions: { zh: '地区', en: 'Regions' },
  units: { zh: '单位', en: 'Units' },
  unitsCount: { zh: '{n} 个单位', en: '{n} units' },
  subUnitsCount: { zh: '（所属单位 {n} 个）', en: '({n} units under it)' },
  departmentsCount: { zh: '其中主管部门 {n} 个', en: '{n} of them departments with units' },
  orgTree: { zh: '单位（按主管部门）', en: 'Units by department' },
  subUnits: { zh: '所属单位', en: 'Units under it' },
  breadcrumb: { zh: '位置', en: 'Breadcrumb' },
  disclosures: { zh: '预算公开文件', en: 'Disclosures' },
  year: { zh: '年度', en: 'Year' },
  template: { zh: '模板', en: 'Template' },
  version: { zh: '版本', en: 'Version' },
  quality: { zh: '审核结果', en: 'Check result' },
  badge: { zh: '错误 {error} · 警告 {warning}', en: '{error} errors · {warning} warnings' },
  clean: { zh: '未发现错误和警告', en: 'no errors or warnings' },
  search: { zh: '搜索', en: 'Search' },
  searchHint: {
    zh: '项目、科目编码或名称、绩效指标',
    en: 'projects, subject codes or names, indicators',
  },
  searchResults: { zh: '“{q}”的搜索结果：{n} 条', en: '{n} results for “{q}”' },
  totals: { zh: '地区汇总', en: 'Region totals' },
  compare: { zh: '比较', en: 'Compare' },
  compareYears: { zh: '历年比较', en: 'Across years' },
  downloads: { zh: '下载', en: 'Downloads' },
  original: { zh: '原始文件', en: 'Original file' },
  charts: { zh: '图表', en: 'Charts' },
  document: { zh: '公开文件全文', en: 'The document' },
  amount: { zh: '金额（万元）', en: 'Amount (10k yuan)' },
  change: { zh: '增减', en: 'Change' },
  noData: { zh: '暂无数据。', en: 'No data yet.' },
  latest: { zh: '最新', en: 'latest' },
  older: { zh: '旧版本', en: 'older version' },
  table: { zh: '表', en: 'Table' },
  level: { zh: '级次', en: 'Level' },
  by: { zh: '汇总方式', en: 'By' },
  byCode: { zh: '功能分类', en: 'Function' },
  byEconomic: { zh: '经济分类', en: 'Economic class' },
  contributors: { zh: '单位数', en: 'Units' },
  show: { zh: '查看', en: 'Show' },
  sangong: { zh: '“三公”经费', en: '“Three public” expenses' },
  notFound: { zh: '页面不存在', en: 'Page not found' },
  switchTo: { zh: 'English', en: '中文' },
  lang: { zh: 'zh-CN', en: 'en' },
} as const;

export type WordKey = keyof typeof WORDS;

/** A word of the interface, with `{name}` slots filled. */
export function t(lang: Lang, key: WordKey, slots: Record<string, string | number> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in slots ? String(slots[name]) : m,
  );
}

/** The language asked for: `?lang=en`, else the `lang` cookie, else Chinese. */
export function langOf(query: string | undefined, cookie: string | undefined): Lang {
  if (query === 'en' || query === 'zh') return query;
  return cookie === 'en' ? 'en' : 'zh';
}
