/**
 * Enumerated registry values (性质, 类型, 性别, 信用等级, 状态): compared after
 * NFKC and whitespace removal; 信用等级 also upper-cased and a trailing 级/类
 * dropped (`a`, `A级` → `A`).
 */
import { headerKey } from '../normalize.js';

/** The canonical allowed value the text stands for, or null when it is not one of them. */
export function enumValue(field: string, text: string, allowed: readonly string[]): string | null {
  let v = headerKey(text);
  if (field === 'credit') v = v.toUpperCase().replace(/[级类]$/, '');
  return allowed.includes(v) ? v : null;
}
