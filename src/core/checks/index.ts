/**
 * The registered row rules (STYLE habit 5): each is a small named function
 * over one row of a read table; adding a rule means adding it to RULES.
 * Rules skip cells the reader already reported (a code that lost digits).
 */
import { schemaFor, type FieldSpec } from '../schemas/index.js';
import { makeIssue, placeOf } from '../issues.js';
import { normKey } from '../normalize.js';
import type { Issue, Role, Table, TableRow } from '../types.js';
import { checkUscc } from './uscc.js';
import { checkIdCard } from './idcard.js';
import { parseDate } from './dates.js';
import { isPhone } from './phone.js';
import { enumValue } from './enums.js';
import { looksScientific } from './codes.js';

export interface RuleInput {
  tb: Table;
  row: TableRow;
  /** YYYY-MM-DD; null skips "in the future" checks. */
  today: string | null;
  out: Issue[];
}

export interface RowRule {
  name: string;
  roles: readonly Role[];
  run(i: RuleInput): void;
}

const ENTITY_ROLES: readonly Role[] = ['pharmacies', 'institutions'];
const REGISTRY_ROLES: readonly Role[] = ['pharmacies', 'institutions', 'inspectors', 'conflicts'];

/** The cell text of a field, "" when the column is absent. */
export function fieldText(tb: Table, row: TableRow, field: string): string {
  const col = tb.fields.get(field);
  return col ? (row.cells[col.index] ?? '') : '';
}

const emit = (i: RuleInput, code: string, field: string, params: Record<string, string> = {}, key?: Parameters<typeof makeIssue>[3]) =>
  i.out.push(makeIssue(code, placeOf(i.tb, i.row, field), params, key));

function schemaFields(role: Role): FieldSpec[] {
  return schemaFor(role)?.fields ?? [];
}

const required: RowRule = {
  name: 'required',
  roles: REGISTRY_ROLES,
  run(i) {
    for (const f of schemaFields(i.tb.role)) {
      if (!f.required || (i.tb.role === 'inspectors' && f.field === 'license')) continue;
      if (i.tb.fields.has(f.field) && fieldText(i.tb, i.row, f.field) === '') emit(i, 'missing-value', f.field);
    }
  },
};

const entityKey: RowRule = {
  name: 'entity-key',
  roles: ENTITY_ROLES,
  run(i) {
    if (fieldText(i.tb, i.row, 'uscc') !== '' || fieldText(i.tb, i.row, 'ybbm') !== '') return;
    const field = i.tb.fields.has('uscc') ? 'uscc' : 'ybbm';
    if (i.tb.fields.has(field)) emit(i, 'missing-value', field, {}, 'issue.missing-key');
  },
};

const uscc: RowRule = {
  name: 'uscc',
  roles: ENTITY_ROLES,
  run(i) {
    const v = fieldText(i.tb, i.row, 'uscc');
    if (v === '' || looksScientific(v)) return;
    const r = checkUscc(normKey(v));
    if (r !== 'ok') emit(i, r === 'format' ? 'uscc-format' : 'uscc-checksum', 'uscc');
  },
};

/** ID-number-like runs inside 法定代表人姓名及身份证号; masked ones (with *) cannot be checked. */
const ID_TOKEN = /[0-9][0-9Xx]{5,}/g;

const idcard: RowRule = {
  name: 'idcard',
  roles: ENTITY_ROLES,
  run(i) {
    const v = fieldText(i.tb, i.row, 'legal');
    if (v === '' || v.includes('*') || looksScientific(v)) return;
    for (const token of v.match(ID_TOKEN) ?? []) {
      const r = checkIdCard(token);
      if (r !== 'ok') emit(i, r === 'format' ? 'idcard-format' : 'idcard-checksum', 'legal', { value: token });
    }
  },
};

const enums: RowRule = {
  name: 'enums',
  roles: REGISTRY_ROLES,
  run(i) {
    for (const f of schemaFields(i.tb.role)) {
      if (!f.enum) continue;
      const v = fieldText(i.tb, i.row, f.field);
      if (v !== '' && enumValue(f.field, v, f.enum) === null) emit(i, 'bad-enum', f.field, { allowed: f.enum.join('、') });
    }
  },
};

const DATE_FIELDS = ['founded'];

const dates: RowRule = {
  name: 'dates',
  roles: ['institutions'],
  run(i) {
    for (const field of DATE_FIELDS) {
      const v = fieldText(i.tb, i.row, field);
      if (v === '') continue;
      const d = parseDate(v);
      if (d === null) emit(i, 'bad-date', field);
      else if (i.today !== null && d > i.today) emit(i, 'bad-date', field, { today: i.today }, 'issue.future-date');
    }
  },
};

const phone: RowRule = {
  name: 'phone',
  roles: ENTITY_ROLES,
  run(i) {
    const v = fieldText(i.tb, i.row, 'phone');
    if (v !== '' && !isPhone(v)) emit(i, 'bad-phone', 'phone');
  },
};

const license: RowRule = {
  name: 'license',
  roles: ['inspectors'],
  run(i) {
    if (i.tb.fields.has('license') && fieldText(i.tb, i.row, 'license') === '')
      emit(i, 'no-license-number', 'license', { name: fieldText(i.tb, i.row, 'name') });
  },
};

export const RULES: readonly RowRule[] = [required, entityKey, uscc, idcard, enums, dates, phone, license];

export function rulesFor(role: Role): RowRule[] {
  return RULES.filter((r) => r.roles.includes(role));
}

/** Runs the rules over one row, appending issues to `out`. */
export function checkRow(tb: Table, row: TableRow, today: string | null, rules: readonly RowRule[], out: Issue[]): void {
  const input: RuleInput = { tb, row, today, out };
  for (const r of rules) r.run(input);
}
