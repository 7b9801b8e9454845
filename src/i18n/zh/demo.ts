/** The demo month, the wizard, prompts and progress labels (DEMO). */
export const demo = {
  'prompt.useFlag': '请在命令行用 {flag} 给出（非交互模式下不会提问）。',
  'prompt.cancelled': '已取消。工作目录未作任何改动。',
  'progress.reading': '读取 {file}',
  'progress.teams': '匹配检查组',
  'progress.sheets': '生成检查记录表',
  'progress.rows': '处理数据行',
} as const;
