import type { followup as zh } from '../zh/followup.js';

export const followup: Record<keyof typeof zh, string> = {
  'followup.sheet.block': 'Follow-up\n(optional)',
  'followup.sheet.measure': 'Measure',
  'followup.sheet.amount': 'Amount recovered (yuan)',
  'followup.sheet.deadline': 'Deadline',
  'followup.sheet.recheckDate': 'Recheck date',
  'followup.sheet.recheckOutcome': 'Recheck outcome',
  'followup.sheet.closedDate': 'Closed on',
  'followup.sheet.measurePromptTitle': 'Follow-up measure',
  'followup.sheet.measurePrompt': 'When problems were found, optionally one of: 责令整改, 移送, 抄告, 追回, 行政处罚, 其他. Fill in the recheck and closure later and import again (ssj results --replace).',
};
