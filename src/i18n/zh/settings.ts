/** The workspace settings (单位名称, 所在市/县, level) asked by ssj init. */
export const settings = {
  'settings.askUnit': '本单位名称（盖章用，如 宁川县医疗保障局）：',
  'settings.askRegion': '所在市/县/区（如 宁川县）：',
  'settings.askLevel': '行政级别：',
  'settings.required': '请填写（不能为空）。',
  'settings.badLevel': '参数 --level 的值“{value}”无效。可选：市、县、区。',
  'settings.needRegion': '已给出 --unit，但缺少 --region（所在市/县/区，如 宁川县）。单位名称和所在地需一起给出。',
  'settings.needLevel': '无法从所在地“{region}”判断级别（市、县或区）。请加 --level 市|县|区。',
  'settings.bad': '工作区设置文件 {file} 已损坏（应为 ssj-settings/1，含 unit、region、level）。请用 ssj init 目录 --force --unit 单位名称 --region 所在地 重新生成。',
  'settings.saved': '单位设置：{unit}（{region}，{level}级），保存在 {file}。各表格、标题和默认单位均按此填写。',
  'settings.none': '提示：未设置本单位名称和所在地，表格标题不写地名。可用 ssj init {dir} --force --unit 单位名称 --region 所在地 补上（已有数据不会被覆盖）。',
} as const;
