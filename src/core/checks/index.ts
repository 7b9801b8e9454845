/**
 * The registered row rules (STYLE habit 5): each is a small named rule that,
 * given a read table, compiles to a check over one row (column positions
 * looked up once per table — a million-row file pays for them once). Adding
 * a rule means adding it to RULES. Rules skip cells the reader already
 * reported (a code that lost digits).
 */
import { schemaFor } from '../schemas/index.js';
import { placeOf } from '../issues.js';
import { issue, type IssueCode, type IssueKey } from '../issue-codes.js';
import { headerKey, normKey, stripInvisible } from '../normalize.js';
import { parseYesNo } from '../plan-text.js';
import { categoryValue, daysBetween, expiresSoon, levelValue, licenceState, parseLicence } from '../staff.js';
import type { Issue, Role, Table, TableRow } from '../types.js';
import { checkUscc } from './uscc.js';
import { checkIdCard } from './idcard.js';
import { parseDate } from './dates.js';
import { isPhone } from './phone.js';
import { enumValue } from './enums.js';
import { looksScientific } from './codes.js';

export type RowCheck = (row: TableRow, today: string | null, out: Issue[]) => void;

export interface RowRule {
  name: string;
  roles: readonly Role[];
  /** The check for this table, or null when the table lacks the columns it needs. */
  compile(tb: Table): RowCheck | null;
}

const ENTITY_ROLES: readonly Role[] = ['pharmacies', 'institutions'];
const REGISTRY_ROLES: readonly Role[] = ['pharmacies', 'institutions', 'inspectors', 'conflicts', 'insured'];

/** The cell text of a field, "" when the column is absent. */
export function fieldText(tb: Table, row: TableRow, field: string): string {
  const col = tb.fields.get(field);
  return col ? (row.cells[col.index] ?? '') : '';
}

const at = (tb: Table, field: string): number => tb.fields.get(field)?.index ?? -1;

function issueAt<C extends IssueCode>(tb: Table, row: TableRow, code: C, field: string, params: Record<string, string> = {}, key?: IssueKey<C>): Issue {
  return issue(code, placeOf(tb, row, field), params, key);
}

const required: RowRule = {
  name: 'required',
  roles: REGISTRY_ROLES,
  compile(tb) {
    const fields = (schemaFor(tb.role)?.fields ?? []).filter((f) => f.required && tb.fields.has(f.field) && !(tb.role === 'inspectors' && f.field === 'license'));
    const cols = fields.map((f) => ({ field: f.field, index: at(tb, f.field) }));
    if (cols.length === 0) return null;
    return (row, _today, out) => {
      for (const c of cols) if ((row.cells[c.index] ?? '') === '') out.push(issueAt(tb, row, 'missing-value', c.field));
    };
  },
};

const entityKey: RowRule = {
  name: 'entity-key',
  roles: ENTITY_ROLES,
  compile(tb) {
    const u = at(tb, 'uscc');
    const y = at(tb, 'ybbm');
    if (u < 0 && y < 0) return null; // tableIssues() reports the missing column
    const field = u >= 0 ? 'uscc' : 'ybbm';
    return (row, _today, out) => {
      if ((u < 0 || row.cells[u] === '') && (y < 0 || row.cells[y] === '')) out.push(issueAt(tb, row, 'missing-value', field, {}, 'issue.missing-key'));
    };
  },
};

const uscc: RowRule = {
  name: 'uscc',
  roles: ENTITY_ROLES,
  compile(tb) {
    const u = at(tb, 'uscc');
    if (u < 0) return null;
    const marked = markedRow(tb);
    return (row, _today, out) => {
      const v = row.cells[u] ?? '';
      if (v === '' || looksScientific(v)) return;
      const r = checkUscc(PLAIN.test(v) ? v : normKey(v));
      // A real early code failing its check character, checked by the clerk against the licence (ssj-draw/2, D2-7): a warning.
      if (r === 'checksum' && marked(row)) out.push(issueAt(tb, row, 'uscc-verified', 'uscc'));
      else if (r !== 'ok') out.push(issueAt(tb, row, r === 'format' ? 'uscc-format' : 'uscc-checksum', 'uscc'));
    };
  },
};

const PLAIN = /^[0-9A-Z]*$/;

/** 备注 containing 代码已核实, or a yes in the 代码已核实 column (ssj-draw/2 decision D2-7). */
export function markedRow(tb: Table): (row: TableRow) => boolean {
  const r = at(tb, 'remarks');
  const v = at(tb, 'verified');
  return (row) => (r >= 0 && headerKey(row.cells[r] ?? '').includes('代码已核实')) || (v >= 0 && parseYesNo(row.cells[v] ?? '') === true);
}

/** ssj-draw/2 inspector columns: 人员类别, 执法层级, 执法证有效期 (unreadable: error; expired: info; ending within 30 days: warning). */
const staff: RowRule = {
  name: 'staff',
  roles: ['inspectors'],
  compile(tb) {
    const [c, l, d] = [at(tb, 'category'), at(tb, 'level'), at(tb, 'licence')];
    if (c < 0 && l < 0 && d < 0) return null;
    return (row, today, out) => {
      if (c >= 0 && categoryValue(row.cells[c] ?? '') === null) out.push(issueAt(tb, row, 'bad-enum', 'category', { allowed: '执法人员、专家、辅助人员' }));
      if (l >= 0 && levelValue(row.cells[l] ?? '') === null) out.push(issueAt(tb, row, 'bad-enum', 'level', { allowed: '省、市、县' }));
      if (d < 0 || (row.cells[d] ?? '') === '') return;
      const lic = parseLicence(row.cells[d] ?? '');
      if (!lic) return void out.push(issueAt(tb, row, 'bad-licence-date', 'licence'));
      if (today === null || (c >= 0 && categoryValue(row.cells[c] ?? '') !== '执法人员')) return;
      const name = fieldText(tb, row, 'name');
      const state = licenceState(lic, today);
      if (state !== 'valid') out.push(issueAt(tb, row, 'licence-expired', 'licence', { name, today }, state === 'licence-expired' ? 'issue.licence-expired' : 'issue.licence-not-yet-valid'));
      else if (expiresSoon(lic, today)) out.push(issueAt(tb, row, 'licence-expiring', 'licence', { name, date: lic.until ?? '', days: String(daysBetween(today, lic.until ?? today)) }));
    };
  },
};

/** ID-number-like runs inside 法定代表人姓名及身份证号; masked ones (with *) cannot be checked. */
const ID_TOKEN = /[0-9][0-9Xx]{5,}/g;
const LAST_ID = /^[0-9]{17}[0-9Xx]$/;
const DIGITISH = /[0-9Xx]/;
const HAS_OTHER_DIGITS = /[0-9]/;

const idcard: RowRule = {
  name: 'idcard',
  roles: ENTITY_ROLES,
  compile(tb) {
    const l = at(tb, 'legal');
    if (l < 0) return null;
    return (row, _today, out) => {
      const v = stripInvisible(row.cells[l] ?? ''); // a U+200B inside a number would split it into two wrong ones
      if (v === '' || v.includes('*') || looksScientific(v)) return;
      const last = v.length >= 18 ? v.slice(-18) : '';
      // The common cell is "姓名 + 18-digit number": check that without a regex scan.
      if (LAST_ID.test(last) && !DIGITISH.test(v.charAt(v.length - 19)) && checkIdCard(last) === 'ok' && !HAS_OTHER_DIGITS.test(v.slice(0, -18))) return;
      for (const token of v.match(ID_TOKEN) ?? []) {
        const r = checkIdCard(token);
        if (r !== 'ok') out.push(issueAt(tb, row, r === 'format' ? 'idcard-format' : 'idcard-checksum', 'legal', { value: token }));
      }
    };
  },
};

const enums: RowRule = {
  name: 'enums',
  roles: REGISTRY_ROLES,
  compile(tb) {
    const specs = (schemaFor(tb.role)?.fields ?? []).filter((f) => f.enum && tb.fields.has(f.field));
    const cols = specs.map((f) => ({ field: f.field, index: at(tb, f.field), allowed: f.enum as string[], set: new Set(f.enum) }));
    if (cols.length === 0) return null;
    return (row, _today, out) => {
      for (const c of cols) {
        const v = row.cells[c.index] ?? '';
        if (v === '' || c.set.has(v)) continue;
        if (enumValue(c.field, v, c.allowed) === null) out.push(issueAt(tb, row, 'bad-enum', c.field, { allowed: c.allowed.join('、') }));
      }
    };
  },
};

const dates: RowRule = {
  name: 'dates',
  roles: ['institutions'],
  compile(tb) {
    const d = at(tb, 'founded');
    if (d < 0) return null;
    return (row, today, out) => {
      const v = row.cells[d] ?? '';
      if (v === '') return;
      const iso = parseDate(v);
      if (iso === null) out.push(issueAt(tb, row, 'bad-date', 'founded'));
      else if (today !== null && iso > today) out.push(issueAt(tb, row, 'bad-date', 'founded', { today }, 'issue.future-date'));
    };
  },
};

const phone: RowRule = {
  name: 'phone',
  roles: ENTITY_ROLES,
  compile(tb) {
    const p = at(tb, 'phone');
    if (p < 0) return null;
    return (row, _today, out) => {
      const v = row.cells[p] ?? '';
      if (v !== '' && !isPhone(v)) out.push(issueAt(tb, row, 'bad-phone', 'phone'));
    };
  },
};

const license: RowRule = {
  name: 'license',
  roles: ['inspectors'],
  compile(tb) {
    const l = at(tb, 'license');
    if (l < 0) return null;
    return (row, _today, out) => {
      if ((row.cells[l] ?? '') === '') out.push(issueAt(tb, row, 'no-license-number', 'license', { name: fieldText(tb, row, 'name') }));
    };
  },
};

/** 参保人: 身份证号 or 社会保障卡号 (one of them), 身份证号 per GB 11643. */
const insuredKey: RowRule = {
  name: 'insured-key',
  roles: ['insured'],
  compile(tb) {
    const [i, c] = [at(tb, 'idcard'), at(tb, 'card')];
    return (row, _today, out) => {
      const id = i >= 0 ? (row.cells[i] ?? '') : '';
      if (id === '' && (c < 0 || (row.cells[c] ?? '') === '')) return void out.push(issueAt(tb, row, 'missing-value', i >= 0 ? 'idcard' : 'card', {}, 'issue.missing-insured-key'));
      if (id === '' || looksScientific(id)) return;
      const r = checkIdCard(normKey(id));
      if (r !== 'ok') out.push(issueAt(tb, row, r === 'format' ? 'idcard-format' : 'idcard-checksum', 'idcard', { value: id }));
    };
  },
};

export const RULES: readonly RowRule[] = [insuredKey, required, entityKey, uscc, idcard, enums, dates, phone, license, staff];

/** The compiled checks for one table. */
export function compileRules(tb: Table): RowCheck[] {
  return RULES.filter((r) => r.roles.includes(tb.role))
    .map((r) => r.compile(tb))
    .filter((c): c is RowCheck => c !== null);
}

/** Runs compiled checks over one row, appending issues to `out`. */
export function checkRow(checks: readonly RowCheck[], row: TableRow, today: string | null, out: Issue[]): void {
  for (const c of checks) c(row, today, out);
}
