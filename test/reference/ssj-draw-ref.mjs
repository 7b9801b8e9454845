// An independent reference implementation of ssj-draw/1, written from the
// text of SPEC "The draw algorithm ssj-draw/1 (normative)" and
// docs/ALGORITHM.md alone. It does not import src/: it exists so a test can
// compare it with src/core/draw.ts. Deliberately literal and slow: every
// seat scans every inspector.
//
// Input (plain objects, the JSON shapes of src/core/types.ts):
//   plan: { maxPerEntityPerYear, rows: [{ objectType, ratio, creditClasses,
//           filter: [{field, values}], teamGroups: [{department, seats}],
//           regionMatch }] }
//   entities: [{ key, objectType, name, region, nature, kind, grade, credit, tags }]
//   inspectors: [{ key, name, unit, area, status }]
//   conflicts: [{ inspector, entity }]
//   prior: [{ drawId, drawDate, selected }]
import seedrandom from 'seedrandom';

const squeeze = (s) => String(s ?? '').normalize('NFKC').replace(/\s+/g, '');

export function refSeed(text) {
  const s = String(text).normalize('NFKC').replace(/\s+/g, '');
  if (s.length < 6 || s.length > 128) throw new Error('bad seed length');
  for (const ch of s) if (ch < '!' || ch > '~') throw new Error('bad seed char');
  return s;
}

function byCodeUnits(a, b) {
  // JavaScript's < on strings compares UTF-16 code units.
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

// n = min(N, ceil(N * p)) with p a decimal percentage, in integers.
export function refSize(N, ratio) {
  if (ratio.kind === 'count') return Math.min(N, ratio.count);
  const [whole, frac = ''] = ratio.percent.split('.');
  const num = BigInt(whole + frac) * BigInt(N);
  const den = 100n * 10n ** BigInt(frac.length);
  let n = num / den;
  if (n * den !== num) n += 1n;
  return Math.min(N, Number(n));
}

function entityValues(e, field) {
  if (field === '所在地区') return [e.region];
  if (field === '性质') return [e.nature];
  if (field === '类型') return [e.kind];
  if (field === '等级') return [e.grade];
  if (field === '分类标注') return e.tags;
  return [];
}

function passes(e, filter) {
  return filter.every((c) => {
    const wanted = c.values.map(squeeze);
    return entityValues(e, c.field).some((v) => squeeze(v) !== '' && wanted.includes(squeeze(v)));
  });
}

const credit = (e) => squeeze(e.credit).toUpperCase();

function areaParts(area) {
  return String(area ?? '').normalize('NFKC').split(/[、,，;；\s]+/).filter((p) => p !== '');
}

function covers(area, region) {
  const parts = areaParts(area);
  if (parts.some((p) => p === '全市' || p === '全县' || p === '全区' || p === '全部')) return true;
  const r = squeeze(region);
  return r !== '' && parts.includes(r);
}

function conflictWith(i, e, conflicts) {
  // A conflicts row names the entity by 统一社会信用代码 or 医保编码 (either may differ from its key).
  const codes = [e.key, squeeze(e.uscc).toUpperCase(), squeeze(e.ybbm).toUpperCase()].filter((c) => c !== '');
  if (conflicts.some((c) => squeeze(c.inspector).toUpperCase() === i.key && codes.includes(squeeze(c.entity).toUpperCase()))) return true;
  return squeeze(i.unit) !== '' && squeeze(i.unit) === squeeze(e.name);
}

function strataList(plan) {
  const out = [];
  for (const row of plan.rows) {
    if (row.creditClasses && row.creditClasses.length) {
      for (const c of row.creditClasses) out.push({ row, credit: c.credit.toUpperCase(), ratio: c.ratio });
    } else out.push({ row, credit: '', ratio: row.ratio });
  }
  return out;
}

export function refDraw(input, seedText) {
  const seed = refSeed(seedText);
  const { plan, entities, inspectors, conflicts, prior, drawDate } = input;
  const year = drawDate.slice(0, 4);
  for (const row of plan.rows) {
    if (!(row.creditClasses && row.creditClasses.length)) continue;
    const missing = entities.filter((e) => e.objectType === row.objectType && credit(e) === '');
    if (missing.length) return { error: 'missing-credit', keys: missing.map((e) => e.key).sort(byCodeUnits) };
  }
  const strata = [];
  const taken = new Set();
  strataList(plan).forEach((st, idx) => {
    const S = idx + 1;
    const population = entities.filter((e) => e.objectType === st.row.objectType && (st.credit === '' || credit(e) === st.credit) && passes(e, st.row.filter));
    const excluded = [];
    const eligible = [];
    for (const e of population.slice().sort((a, b) => byCodeUnits(a.key, b.key))) {
      const draws = prior.filter((d) => d.drawDate.slice(0, 4) === year && d.selected.includes(e.key)).map((d) => d.drawId);
      if (draws.length >= plan.maxPerEntityPerYear) excluded.push({ key: e.key, reason: 'yearly-limit', draws });
      else if (taken.has(e.key)) excluded.push({ key: e.key, reason: 'already-selected', draws: [] });
      else eligible.push(e);
    }
    const N = eligible.length;
    const n = refSize(N, st.ratio);
    const rng = seedrandom(seed + '|' + 'entities|' + S);
    const a = eligible.slice();
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(rng() * (N - i));
      [a[i], a[j]] = [a[j], a[i]];
    }
    const chosen = a.slice(0, n);
    chosen.forEach((e) => taken.add(e.key));
    strata.push({ number: S, population: population.length, eligible: N, excluded, size: n, selected: chosen.map((e) => e.key), row: st.row, entities: chosen });
  });
  const rng = seedrandom(seed + '|' + 'teams');
  const seats = new Map();
  const teams = [];
  for (const st of strata) {
    for (const e of st.entities) {
      const members = [];
      // No groups written: one group, any department, of the team size (default 2).
      const groups = st.row.teamGroups && st.row.teamGroups.length ? st.row.teamGroups : [{ department: '', seats: st.row.teamSize >= 2 ? st.row.teamSize : 2 }];
      for (const g of groups) {
        for (let s = 0; s < g.seats; s++) {
          let cands = inspectors.filter((i) =>
            i.key !== '' && squeeze(i.status) !== '不可用' &&
            (squeeze(g.department) === '' || squeeze(i.unit).includes(squeeze(g.department))) &&
            (!st.row.regionMatch || covers(i.area, e.region)) &&
            !conflictWith(i, e, conflicts) &&
            !members.some((m) => m.key === i.key));
          if (!cands.length) return { error: 'no-candidate', entity: e.key, seat: members.length + 1 };
          const fewest = Math.min(...cands.map((i) => seats.get(i.key) ?? 0));
          cands = cands.filter((i) => (seats.get(i.key) ?? 0) === fewest).sort((x, y) => byCodeUnits(x.key, y.key));
          const pick = cands[Math.floor(rng() * cands.length)];
          seats.set(pick.key, (seats.get(pick.key) ?? 0) + 1);
          members.push({ key: pick.key, department: g.department, role: members.length === 0 ? '组长' : '组员' });
        }
      }
      teams.push({ entity: e.key, members });
    }
  }
  return { strata: strata.map(({ row, entities: _e, ...rest }) => rest), teams };
}
