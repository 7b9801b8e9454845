/** en catalogue: every key of the zh catalogue, area by area. */
import type { zh } from './zh.js';
import { records } from './en/records.js';
import { plan } from './en/plan.js';
import { draw } from './en/draw.js';
import { drawcmd } from './en/drawcmd.js';
import { report } from './en/report.js';
import { io } from './en/io.js';
import { validate } from './en/validate.js';
import { results } from './en/results.js';
import { common } from './en/common.js';
import { templates } from './en/templates.js';
import { demo } from './en/demo.js';
import { after } from './en/after.js';
import { draw2 } from './en/draw2.js';
import { settings } from './en/settings.js';
import { guard } from './en/guard.js';
import { notice } from './en/notice.js';
import { followup } from './en/followup.js';
import { ledger } from './en/ledger.js';
import { wizard } from './en/wizard.js';
import { publish } from './en/publish.js';
import { archive } from './en/archive.js';

export const en: Record<keyof typeof zh, string> = {
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
};
