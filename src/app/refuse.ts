/** Said before a use case goes ahead: the inputs' errors and warnings, and the refusal when there are errors. */
import type { Issue } from '../core/types.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import { issueLine } from '../render/issue-text.js';

/**
 * Prints every error and warning to stderr (infos are for `ssj validate`) and
 * refuses when any error exists. `masked` (the draw room, Laiyuan 第十五条):
 * when the draw goes ahead, warnings are shown by file, cell and code only —
 * their messages may carry names; `ssj validate` shows them in full.
 */
export function refuseOnErrors(issues: Issue[], err: (text: string) => void, masked = false): void {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (errors.length > 0 || !masked) {
    for (const i of [...errors, ...warnings]) err(issueLine(i));
  } else if (warnings.length > 0) {
    for (const i of warnings) err(issueLine(i, true));
    err(t('drawcmd.warningsMasked', { count: warnings.length }));
  }
  if (errors.length > 0) throw new InputError('drawcmd.inputErrors', { count: errors.length });
}

/**
 * A re-run of a recorded draw (verify, replace) reads today's registries: a recusal row they no longer
 * match is said as a warning, not a reason to refuse (the re-run's differences name what changed).
 */
export function refuseRerunOnErrors(issues: Issue[], err: (text: string) => void): void {
  refuseOnErrors(issues.map((i) => (i.code === 'unknown-reference' ? { ...i, severity: 'warning' as const } : i)), err);
}
