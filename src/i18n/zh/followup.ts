/** 后续处置 on the record sheet and in the results-table template (issue 17). */
export const followup = {
  'followup.sheet.block': '后续处置\n（可选）',
  'followup.sheet.measure': '处置措施',
  'followup.sheet.amount': '追回金额（元）',
  'followup.sheet.deadline': '整改期限',
  'followup.sheet.recheckDate': '复查日期',
  'followup.sheet.recheckOutcome': '复查结果',
  'followup.sheet.closedDate': '完结日期',
  'followup.sheet.measurePromptTitle': '后续处置措施',
  'followup.sheet.measurePrompt': '发现问题时选填：责令整改、移送、抄告、追回、行政处罚、其他。复查、完结后可补填再导入（ssj results --replace）。',
} as const;
