#!/usr/bin/env node
/**
 * Generates the example county 宛丰县 (fictional, 河南省) in examples/:
 * registries as clerks keep them (title rows, wrapped headers, full-width
 * spaces, numbers stored as numbers, dates as 2015.3.5 / 2015年3月5日), the
 * Wugang plan adapted to the county, the month's activities sheet and the
 * filled results of the demo month (made by running the real draw with the
 * demo seed, so `npm run build` first).
 *
 * Deterministic: one fixed PRNG seed (gen/common.mjs), fixed zip timestamps.
 * Re-running writes the same bytes. Every name and code is invented; codes
 * carry valid check characters (GB 32100-2015 with the GB 11714
 * organisation-code check, GB 11643).
 *
 *   npm run build && node examples/make-examples.mjs
 */
import { makePharmacies, writePharmacies } from './gen/pharmacies.mjs';
import { makeInstitutions, writeInstitutions, makeInspectors, writeInspectors, writeConflicts, writePlan, writeActivities } from './gen/county.mjs';
import { makeResults } from './gen/results.mjs';
import { selfCheck } from './gen/check.mjs';

const written = [];
const pharmacies = makePharmacies(200);
written.push(await writePharmacies(pharmacies));
const institutions = makeInstitutions();
written.push(await writeInstitutions(institutions));
const inspectors = makeInspectors();
written.push(writeInspectors(inspectors));
written.push(await writeConflicts(inspectors, pharmacies, institutions));
written.push(await writePlan());
written.push(await writeActivities());
await selfCheck(pharmacies, institutions, inspectors);
written.push(...(await makeResults()));
for (const f of written) process.stdout.write(`examples/${f}\n`);
