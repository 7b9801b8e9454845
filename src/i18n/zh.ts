/** zh-CN catalogue: the areas merged. An area file holds exactly the keys of its prefix (`wizard.*` in zh/wizard.ts). */
import { after } from './zh/after.js';
import { approval } from './zh/approval.js';
import { archive } from './zh/archive.js';
import { cli } from './zh/cli.js';
import { demo } from './zh/demo.js';
import { draw } from './zh/draw.js';
import { drawcmd } from './zh/drawcmd.js';
import { error } from './zh/error.js';
import { followup } from './zh/followup.js';
import { guard } from './zh/guard.js';
import { io } from './zh/io.js';
import { issue } from './zh/issue.js';
import { ledger } from './zh/ledger.js';
import { notice } from './zh/notice.js';
import { plan } from './zh/plan.js';
import { progress } from './zh/progress.js';
import { prompt } from './zh/prompt.js';
import { publish } from './zh/publish.js';
import { records } from './zh/records.js';
import { replace } from './zh/replace.js';
import { report } from './zh/report.js';
import { results } from './zh/results.js';
import { settings } from './zh/settings.js';
import { templates } from './zh/templates.js';
import { validate } from './zh/validate.js';
import { wizard } from './zh/wizard.js';

export const zh = {
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
} as const;
