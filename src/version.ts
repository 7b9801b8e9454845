/** The tool's version (package.json), as `ssj --version` prints it and records name it. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const TOOL_VERSION: string = (require('../package.json') as { version: string }).version;
