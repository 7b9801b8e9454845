/** zh-CN catalogue: the areas merged. Each area file is owned by its feature. */
import { records } from './zh/records.js';
import { results } from './zh/results.js';
import { common } from './zh/common.js';
import { demo } from './zh/demo.js';

export const zh = {
  ...common,
  ...records,
  ...results,
  ...demo,
} as const;
