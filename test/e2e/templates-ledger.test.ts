/** ssj templates into a workspace is a change to it: one documents event lists the templates (issue 15). In process. */
import fs from 'node:fs';
import path from 'node:path';
import { ssjIn, tempDir } from '../helpers/cli.js';

it('ssj templates --force in a workspace appends one documents event listing them; verify --ledger names an edited one; elsewhere no ledger is touched', async () => {
  const ws = path.join(tempDir('ssj-templates-ledger-'), 'ws');
  expect((await ssjIn(['init', ws, '--unit', '某县医疗保障局', '--region', '某县', '--level', '县', '--yes'])).code).toBe(0);
  const before = fs.readFileSync(path.join(ws, 'ledger.jsonl'), 'utf8').trim().split('\n').length;
  const r = await ssjIn(['templates', '--workspace', ws, '--force']);
  expect(r.code).toBe(0);
  const lines = fs.readFileSync(path.join(ws, 'ledger.jsonl'), 'utf8').trim().split('\n');
  expect(lines.length).toBe(before + 1);
  const last = JSON.parse(lines.at(-1) as string) as { kind: string; what: string; files: { path: string }[] };
  expect([last.kind, last.what, last.files.every((f) => f.path.startsWith('templates/'))]).toEqual(['documents', 'templates', true]);
  expect((await ssjIn(['verify', '--ledger', '--workspace', ws])).code).toBe(0);
  fs.appendFileSync(path.join(ws, last.files[0]!.path), 'x');
  const bad = await ssjIn(['verify', '--ledger', '--workspace', ws]);
  expect([bad.code, bad.stdout.includes(last.files[0]!.path)]).toEqual([1, true]);
  // Outside a workspace the templates are just written.
  const out = path.join(path.dirname(ws), 'loose');
  expect((await ssjIn(['templates', '--out', out, '--workspace', path.dirname(ws)])).code).toBe(0);
  expect(fs.readdirSync(out).length).toBe(last.files.length);
});
