import { teamInForce, teamsInForce } from '../../src/core/team-in-force.js';
import type { AmendmentRecord, DrawRecord, Team } from '../../src/core/types.js';

const team = (entity: string, ...keys: string[]): Team => ({ entity, members: keys.map((key, i) => ({ key, name: key, unit: '', department: '', role: i === 0 ? '组长' : '组员' })) });
const draw = { drawId: 'D1', teams: [team('E1', 'a', 'b'), team('E2', 'c', 'd')] } as Pick<DrawRecord, 'drawId' | 'teams'> as DrawRecord;
const amendment = (id: string, amends: string, t: Team) => ({ drawId: id, amends, substitution: { entity: t.entity }, team: t }) as Pick<AmendmentRecord, 'drawId' | 'amends' | 'team'> as AmendmentRecord;

describe('the team in force', () => {
  const a1 = amendment('D1-A1', 'D1', team('E1', 'a', 'x'));
  const a2 = amendment('D1-A2', 'D1', team('E1', 'y', 'x'));
  const other = amendment('D9-A1', 'D9', team('E2', 'z', 'd'));
  it('is the last substitution of this draw for the entity, else the draw\'s team', () => {
    const keys = (t: Team | undefined) => t?.members.map((m) => m.key);
    expect(keys(teamInForce(draw, [a1, a2, other], 'E1'))).toEqual(['y', 'x']);
    expect(keys(teamInForce(draw, [a1, a2, other], 'E2'))).toEqual(['c', 'd']);
    expect(teamInForce(draw, [a1], 'E3')).toBeUndefined();
  });
  it('is the same entity by entity when built for the whole draw, in draw order', () => {
    const all = teamsInForce(draw, [a2, a1, other]);
    expect([...all.keys()]).toEqual(['E1', 'E2']);
    for (const e of ['E1', 'E2']) expect(all.get(e)).toEqual(teamInForce(draw, [a2, a1, other], e));
  });
  it('on a draw in force (补抽 applied), an entity replaced away has no team, and its substitutions count nowhere', () => {
    // E1 (with a1, a2 applied) was replaced by N1: the draw in force carries E1's team under N1.
    const inForce = { drawId: 'D1', teams: [team('N1', 'y', 'x'), team('E2', 'c', 'd')] } as Pick<DrawRecord, 'drawId' | 'teams'> as DrawRecord;
    const a3 = amendment('D1-A3', 'D1', team('N1', 'y', 'w'));
    const all = teamsInForce(inForce, [a1, a2, a3]);
    expect([...all.keys()]).toEqual(['N1', 'E2']); // no stale E1: its members are counted once, under N1
    expect(all.get('N1')?.members.map((m) => m.key)).toEqual(['y', 'w']);
    expect(teamInForce(inForce, [a1, a2, a3], 'E1')).toBeUndefined();
    expect(teamInForce(inForce, [a1, a2, a3], 'N1')?.members.map((m) => m.key)).toEqual(['y', 'w']);
  });
});
