/**
 * Builds a long witness sheet's workbook and HTML page off the main thread (see witnessAside): both from the
 * one document the main thread sends, in the forms' language it names; a record hash still to come arrives in
 * a message and is written over its stand-in in both.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PrintDoc } from '../core/print-doc.js';
import { loadLang, setFormLang, setLang, type Lang } from '../i18n/index.js';
import { printDocXlsx, replaceToken } from '../io/witness-xlsx.js';
import { docHtml } from '../render/witness.js';

const { doc, sheetName, token, lang, languages } = workerData as { doc: PrintDoc; sheetName: string; token: string | null; lang: string; languages: { ui: Lang; form: Lang } };
await Promise.all([loadLang(languages.ui), loadLang(languages.form)]); // the main thread's, as set for this command
setLang(languages.ui);
setFormLang(languages.form);
const pending = token === null ? undefined : { token, hash: new Promise<string>((resolve) => parentPort!.once('message', (m: { hash: string }) => resolve(m.hash))) };
const xlsx = printDocXlsx(doc, sheetName, pending); // the sheet's XML at once; zipped once the hash is in
const html = Buffer.from(docHtml(doc, lang), 'utf8');
if (pending) replaceToken(html, pending.token, await pending.hash);
const book = await xlsx;
// Handed over, not copied, when each is the whole of its memory.
const own = (b: Uint8Array) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? [b.buffer] : []);
parentPort!.postMessage({ html, xlsx: book }, [...own(html), ...own(book)]);
