/** ssj-draw/2 (issue 18): item list, expertise, licences, experts, prior inspections, 参保人, marked codes. */
export const draw2 = {
  'draw.rule.category': '人员类别与席位不符（执法席位只取执法人员，专家/辅助人员席位只取该类人员）',
  'draw.rule.licence': '执法证在抽取日已过期或尚未生效',
  'draw.rule.level': '执法层级不符',
  'draw.rule.expertise': '没有符合专长要求的执法人员',
  'draw.badLicence': '检查人员 {key} 的执法证有效期“{value}”无法识别。请写成 2028-12-31 或 2023-01-01至2028-12-31。',
  'plan.badExpertise': '{cell}：专长要求“{value}”只能写一项要求；可选其一的专长用 | 分隔，如 医疗|财务。',
  'plan.badLevel': '{cell}：执法层级“{value}”无法识别，可写 省、市 或 县。',
  'plan.licensedSeats': '{cell}：除专家、辅助人员外，检查组须有至少2名执法人员（现为 {seats} 名）。',
  'plan.insuredCredit': '{cell}：参保人不能按信用等级分层抽取，请写一个比例或家数。',
  'plan.itemNotListed': '{cell}：抽查事项“{value}”不在随机抽查事项清单（{items}）中。不得在清单之外实施检查事项：请改为清单中的事项名称，或先把该事项列入清单。',
  'plan.itemObject': '{cell}：抽查事项“{value}”在清单中的检查对象是“{listed}”，与本行的抽查对象“{objectType}”不一致。',
  'plan.expertiseUnknown': '{cell}：没有可抽取的执法人员具备专长“{value}”（业务专长列）。请在检查人员名录的业务专长中标注，或修改专长要求。',
  'plan.expertiseUncovered': '{cell}：有 {count} 个对象没有可派的具备专长“{value}”的执法人员（部门、层级、执法区域、回避后）：{keys}。请补充人员或调整计划后再抽取。',
  'plan.licenceExpiring': '检查人员 {key} 的执法证将于 {date} 到期（{days} 天后）。',
} as const;
