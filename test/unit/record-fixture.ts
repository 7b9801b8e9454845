/** In-memory draw records for the record, verify and ledger unit tests. */
import { buildAmendment, buildDrawRecord, rechain } from '../../src/core/record.js';
import type { AmendmentRecord, DrawRecord, Plan } from '../../src/core/types.js';

export const plan: Plan = {
  title: '测试计划',
  year: 2024,
  document: '',
  maxPerEntityPerYear: 2,
  source: 'plan.xlsx',
  rows: [
    {
      no: 1,
      item: '医疗保障基金使用情况',
      basis: '',
      method: '双随机',
      subject: '医疗保障局',
      objectType: '定点零售药店',
      ratio: { kind: 'count', count: 2 },
      creditClasses: [],
      frequency: '',
      timesPerYear: null,
      remarks: '',
      filter: [],
      teamSize: 2,
      teamGroups: [{ department: '', seats: 2 }],
      regionMatch: false,
      checkItems: [],
    },
  ],
};

const member = (key: string, role: '组长' | '组员') => ({ key, name: `人员${key}`, unit: '某医疗保障局', department: '', role });
const entity = (key: string, order: number) => ({
  key,
  stratum: 1,
  order,
  objectType: '定点零售药店' as const,
  name: `药店${key}`,
  region: '华龙区',
  uscc: key,
  ybbm: '',
  address: '',
  legalRepresentative: '',
});

export function sampleDraw(id = '20240601-1', prev: string | null = null): DrawRecord {
  return buildDrawRecord({
    tool: '0.1.0',
    drawId: id,
    createdAt: '2024-06-01T12:00:00+08:00',
    drawDate: '2024-06-01',
    seed: '12345678901234567890',
    seedSource: '掷骰',
    announcementHash: null,
    plan,
    inputs: [{ role: 'pharmacies', file: 'p.xlsx', fileSha256: 'f'.repeat(64), contentSha256: 'c'.repeat(64), rows: 5 }],
    strata: [
      {
        number: 1,
        label: '1 定点零售药店',
        planRow: 1,
        objectType: '定点零售药店',
        credit: '',
        ratio: { kind: 'count', count: 2 },
        population: 5,
        eligible: 4,
        excluded: [{ key: 'E5', reason: 'yearly-limit', draws: ['20240101-1', '20240301-1'] }],
        size: 2,
        selected: ['E3', 'E1'],
      },
    ],
    selected: [entity('E3', 1), entity('E1', 2)],
    teams: [
      { entity: 'E3', members: [member('I1', '组长'), member('I2', '组员')] },
      { entity: 'E1', members: [member('I3', '组长'), member('I4', '组员')] },
    ],
    prevRecordHash: prev,
  });
}

export function sampleAmendment(draw: DrawRecord, n = 1): AmendmentRecord {
  return buildAmendment({
    tool: '0.1.0',
    drawId: `${draw.drawId}-A${n}`,
    amends: draw.drawId,
    createdAt: '2024-06-02T12:00:00+08:00',
    seed: '99999999',
    seedSource: '掷骰',
    inputs: draw.inputs,
    substitution: { entity: 'E3', removed: 'I2', reason: '回避', candidates: 2, replacement: member('I5', '组员') },
    team: { entity: 'E3', members: [member('I1', '组长'), member('I5', '组员')] },
    prevRecordHash: draw.recordHash,
  });
}

/** A chain of records as appended: each linked to the previous. */
export function chain(records: (DrawRecord | AmendmentRecord)[]): (DrawRecord | AmendmentRecord)[] {
  const out: (DrawRecord | AmendmentRecord)[] = [];
  for (const r of records) out.push(rechain(r, out.at(-1)?.recordHash ?? null));
  return out;
}
