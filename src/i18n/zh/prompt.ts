/** Questions asked on a terminal when a needed flag is missing. */
export const prompt = {
  'prompt.useFlag': '请在命令行用 {flag} 给出（非交互模式下不会提问）。',
  'prompt.keyMove': '移动',
  'prompt.keyPick': '确定',
  'prompt.yes': '是',
  'prompt.no': '否',
  'prompt.yesNo': '请回答“{yes}”或“{no}”（也可输入 y 或 n）',
  'prompt.cancelled': '已取消。当前这一步没有写入任何内容（之前已完成的步骤不受影响）。',
} as const;
