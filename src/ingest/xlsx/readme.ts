/** The readme sheet of the workbooks we write: where the tables came from, and what a table cannot say. */
export const README_SHEET = '说明';

export const README_KEYS = {
  file: '来源文件',
  format: '来源格式',
  sha256: 'SHA-256',
  template: '模板',
  year: '年度',
  unit: '单位名称',
  missing: '原文未见的表',
  generator: '生成',
} as const;
