/**
 * Cross-checks the generated codes against ssj's own check functions (dist/,
 * after `npm run build`), so the examples and the validator can never disagree
 * silently. Skipped, with a note, when dist/ has no checks yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HERE } from './common.mjs';

async function load(rel) {
  const file = path.join(HERE, '..', 'dist', rel);
  return fs.existsSync(file) ? import(pathToFileURL(file).href) : null;
}

export async function selfCheck(pharmacies, institutions, inspectors) {
  const uscc = await load('core/checks/uscc.js');
  const id = await load('core/checks/idcard.js');
  if (!uscc || !id) {
    process.stderr.write('note: dist/core/checks not built; codes not cross-checked\n');
    return;
  }
  const bad = [];
  for (const e of [...pharmacies, ...institutions]) {
    if (e.uscc && uscc.checkUscc(e.uscc) !== 'ok') bad.push(`uscc ${e.uscc} ${e.name}`);
    const idn = /([0-9]{17}[0-9X])/.exec(e.legal)?.[1];
    if (!idn || id.checkIdCard(idn) !== 'ok') bad.push(`id ${e.legal}`);
  }
  if (inspectors.filter((x) => !x.license).length !== 1) bad.push('exactly one inspector without 执法证号 expected');
  if (bad.length) throw new Error(`generated codes fail ssj's own checks:\n${bad.join('\n')}`);
}
