/** Run before every test file (jest.config.js setupFilesAfterEnv): the temp folders a file made are removed after it. */
import { removeTempDirs } from './cli.js';
import { loadLang } from '../../src/i18n/index.js';

// Tests switch to English with setLang('en') directly; a real run loads en in main.ts (it is imported only when asked for).
await loadLang('en');

afterAll(() => removeTempDirs());
