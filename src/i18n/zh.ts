/** zh-CN catalogue: the areas merged. Each area file is owned by its feature. */
import { records } from './zh/records.js';
import { plan } from './zh/plan.js';
import { draw } from './zh/draw.js';
import { drawcmd } from './zh/drawcmd.js';
import { report } from './zh/report.js';
import { io } from './zh/io.js';
import { validate } from './zh/validate.js';
import { results } from './zh/results.js';
import { common } from './zh/common.js';
import { templates } from './zh/templates.js';
import { demo } from './zh/demo.js';
import { after } from './zh/after.js';
import { draw2 } from './zh/draw2.js';
import { settings } from './zh/settings.js';
import { guard } from './zh/guard.js';
import { notice } from './zh/notice.js';
import { followup } from './zh/followup.js';
import { ledger } from './zh/ledger.js';
import { wizard } from './zh/wizard.js';
import { publish } from './zh/publish.js';
import { archive } from './zh/archive.js';

export const zh = {
  ...common,
  ...templates,
  ...records,
  ...plan,
  ...draw,
  ...drawcmd,
  ...report,
  ...io,
  ...validate,
  ...results,
  ...demo,
  ...after,
  ...draw2,
  ...settings,
  ...guard,
  ...notice,
  ...followup,
  ...ledger,
  ...wizard,
  ...publish,
  ...archive,
} as const;
