/** zh-CN catalogue: the areas merged. Each area file is owned by its feature. */
import { common } from './zh/common.js';

export const zh = {
  ...common,
} as const;
