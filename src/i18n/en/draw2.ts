import type { draw2 as zh } from '../zh/draw2.js';

export const draw2: Record<keyof typeof zh, string> = {
  'draw.rule.category': 'wrong kind of staff for the seat (licensed seats take 执法人员 only; 专家/辅助人员 seats only that kind)',
  'draw.rule.licence': 'licence expired or not yet valid on the draw date',
  'draw.rule.level': 'wrong 执法层级',
  'draw.rule.expertise': 'no licensed inspector with the required expertise',
  'draw.badLicence': 'The 执法证有效期 "{value}" of inspector {key} cannot be read. Write 2028-12-31 or 2023-01-01至2028-12-31.',
  'plan.badExpertise': '{cell}: expertise requirement "{value}" may hold one requirement only; separate alternatives with |, e.g. 医疗|财务.',
  'plan.badLevel': '{cell}: 执法层级 "{value}" is not understood; write 省, 市 or 县.',
  'plan.licensedSeats': '{cell}: besides experts and auxiliary staff a team needs at least 2 licensed inspectors (now {seats}).',
  'plan.insuredCredit': '{cell}: 参保人 cannot be drawn by credit class; write one ratio or a count.',
  'plan.itemNotListed': '{cell}: inspection item "{value}" is not on the item list ({items}). No inspection may be made outside the list: use an item name from the list, or add the item to the list first.',
  'plan.itemObject': '{cell}: item "{value}" is listed for 检查对象 "{listed}", not for this row\'s "{objectType}".',
  'plan.expertiseUnknown': '{cell}: no drawable licensed inspector has the expertise "{value}" (业务专长 column). Tag inspectors in the registry or change the requirement.',
  'plan.expertiseUncovered': '{cell}: {count} entities have no licensed inspector with the expertise "{value}" available (after department, level, area and conflicts): {keys}. Add inspectors or change the plan before drawing.',
  'plan.licenceExpiring': 'The licence of inspector {key} ends on {date} (in {days} days).',
};
