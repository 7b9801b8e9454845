/**
 * Builds a long witness sheet's workbook off the main thread (see witnessAside), from the document the main
 * thread sends (its text already in the forms' language: the workbook adds none); a record hash still to
 * come arrives in a message and is written over its stand-in.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PrintDoc } from '../core/print-doc.js';
import { printDocXlsx } from '../io/witness-xlsx.js';

const { doc, sheetName, token } = workerData as { doc: PrintDoc; sheetName: string; token: string | null };
const pending = token === null ? undefined : { token, hash: new Promise<string>((resolve) => parentPort!.once('message', (m: { hash: string }) => resolve(m.hash))) };
const book = await printDocXlsx(doc, sheetName, pending);
// Handed over, not copied, when it is the whole of its memory.
const own = book.byteOffset === 0 && book.byteLength === book.buffer.byteLength && book.buffer instanceof ArrayBuffer ? [book.buffer] : [];
parentPort!.postMessage(book, own);
