/** Run before every test file (jest.config.js setupFilesAfterEnv): the temp folders a file made are removed after it. */
import { removeTempDirs } from './cli.js';

afterAll(() => removeTempDirs());
