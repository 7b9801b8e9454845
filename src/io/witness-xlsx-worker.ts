/** Builds one witness workbook off the main thread (see printDocXlsxAside). */
import { parentPort, workerData } from 'node:worker_threads';
import type { PrintDoc } from '../render/witness.js';
import { printDocXlsx } from './witness-xlsx.js';

const { doc, sheetName } = workerData as { doc: PrintDoc; sheetName: string };
parentPort!.postMessage(await printDocXlsx(doc, sheetName));
