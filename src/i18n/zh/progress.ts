/** Progress bars. */
export const progress = {
  'progress.reading': '读取 {file}',
  'progress.sheets': '生成检查记录表',
} as const;
