/** Builds one witness workbook off the main thread (see printDocXlsxAside); a record hash still to come arrives in a message. */
import { parentPort, workerData } from 'node:worker_threads';
import type { PrintDoc } from '../core/print-doc.js';
import { printDocXlsx } from './witness-xlsx.js';

const { doc, sheetName, token } = workerData as { doc: PrintDoc; sheetName: string; token: string | null };
const hash = token === null ? null : new Promise<string>((resolve) => parentPort!.once('message', (m: { hash: string }) => resolve(m.hash)));
parentPort!.postMessage(await printDocXlsx(doc, sheetName, token !== null && hash ? { token, hash } : undefined));
