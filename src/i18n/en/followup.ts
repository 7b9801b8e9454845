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
  'templates.intro.results': 'Results table: one row per inspection (draw id, unified social credit code or medical insurance code, inspection date, result codes 1–10). The follow-up columns are optional; once filled, ssj status --followups lists the open and overdue ones. Import the filled table with ssj results FILE.',
  'templates.col.results.drawId': 'The draw id, e.g. 20240605-1 (on the witness sheet and in cell B2 of the record sheet).',
  'templates.col.results.entity': "The entity's unified social credit code, or its medical insurance code where it has none, as in the draw record.",
  'templates.col.results.name': "The entity's name (optional; it catches a code written wrong).",
  'templates.col.results.date': 'The inspection date, e.g. 2024-06-15: not before the draw, not after the day of import.',
  'templates.col.results.codes': 'Result codes 1–10, several separated by commas; a joint inspection may give them per department, e.g. 医疗保障局:1；市场监督管理局:9.',
  'templates.col.results.handling': 'What was done about the findings; published as written.',
  'templates.col.results.pubDate': 'If already published elsewhere, the date; empty otherwise (ssj publish publishes it).',
  'templates.col.results.pubSite': 'The website or platform it was published on.',
};
