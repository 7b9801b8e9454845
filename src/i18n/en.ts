/** en catalogue: every key of the zh catalogue, area by area (the same areas as zh). */
import type { zh } from './zh.js';
import { after } from './en/after.js';
import { approval } from './en/approval.js';
import { archive } from './en/archive.js';
import { cli } from './en/cli.js';
import { demo } from './en/demo.js';
import { draw } from './en/draw.js';
import { drawcmd } from './en/drawcmd.js';
import { error } from './en/error.js';
import { followup } from './en/followup.js';
import { guard } from './en/guard.js';
import { io } from './en/io.js';
import { issue } from './en/issue.js';
import { ledger } from './en/ledger.js';
import { notice } from './en/notice.js';
import { plan } from './en/plan.js';
import { progress } from './en/progress.js';
import { prompt } from './en/prompt.js';
import { publish } from './en/publish.js';
import { records } from './en/records.js';
import { replace } from './en/replace.js';
import { report } from './en/report.js';
import { results } from './en/results.js';
import { settings } from './en/settings.js';
import { templates } from './en/templates.js';
import { validate } from './en/validate.js';
import { wizard } from './en/wizard.js';

export const en: Record<keyof typeof zh, string> = {
  ...after,
  ...approval,
  ...archive,
  ...cli,
  ...demo,
  ...draw,
  ...drawcmd,
  ...error,
  ...followup,
  ...guard,
  ...io,
  ...issue,
  ...ledger,
  ...notice,
  ...plan,
  ...progress,
  ...prompt,
  ...publish,
  ...records,
  ...replace,
  ...report,
  ...results,
  ...settings,
  ...templates,
  ...validate,
  ...wizard,
};
