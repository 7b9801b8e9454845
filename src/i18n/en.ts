/** en catalogue: every key of the zh catalogue, area by area. */
import type { zh } from './zh.js';
import { records } from './en/records.js';
import { results } from './en/results.js';
import { common } from './en/common.js';
import { demo } from './en/demo.js';

export const en: Record<keyof typeof zh, string> = {
  ...common,
  ...records,
  ...results,
  ...demo,
};
