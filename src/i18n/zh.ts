/** zh-CN catalogue: the areas merged. Each area file is owned by its feature. */
import { records } from './zh/records.js';
import { common } from './zh/common.js';

export const zh = {
  ...common,
  ...records,
} as const;
