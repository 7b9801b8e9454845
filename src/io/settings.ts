/**
 * The workspace settings file (src/core/settings.ts): read it (absent → null,
 * damaged → InputError naming the file and the fix) and write it atomically.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { parseSettings, settingsJson, SETTINGS_FILE, type WorkspaceSettings } from '../core/settings.js';
import { writeFileAtomic } from './atomic.js';

export const settingsPath = (root: string): string => path.join(root, SETTINGS_FILE);

/** The workspace's settings, or null when it has no settings file (a workspace made before settings existed). */
export function readSettings(root: string): WorkspaceSettings | null {
  const file = settingsPath(root);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const s = parseSettings(text);
  if (!s) throw new InputError('settings.bad', { file });
  return s;
}

/** Writes the settings file atomically; returns its path. */
export function writeSettings(root: string, s: WorkspaceSettings): string {
  const file = settingsPath(root);
  writeFileAtomic(file, settingsJson(s));
  return file;
}
