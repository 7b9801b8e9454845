import type { after as zh } from '../zh/after.js';

export const after: Record<keyof typeof zh, string> = {
  'cli.opt.list': 'publish the drawn list (with --draw), not the results',
  'after.list.wrote': 'Drawn list published: {csv} ({count} entities), printable: {html}',
  'after.list.already': 'The drawn list is already published with the same content; nothing written: {csv}',
  'after.list.failed': 'Warning: draw record {id} is saved, but its drawn list could not be written ({reason}). Run ssj publish --draw {id} --list.',
  'after.list.drawOnly': '--list is for one draw: write ssj publish --draw ID --list.',
  'after.out.list': 'drawn list (public)',
  'after.out.notices': 'inspection notices',
  'after.notices.wrote': 'Wrote {count} inspection notices: {dir} (print all: {all}); approval form: {approval}',
  'after.notices.failed': 'Warning: draw record {id} is saved, but its inspection notices could not be written ({reason}). Run ssj notices --draw {id}.',
};
