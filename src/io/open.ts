/**
 * Opening a file in the user's browser (the wizard's witness sheet): $BROWSER
 * when set (the usual convention, also how tests watch it), else the desktop's
 * opener — xdg-open, open (macOS), start (Windows). Never fails: a machine
 * without one (a server, a container) just gets false and the path is shown.
 */
import { spawn } from 'node:child_process';

function opener(file: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): { cmd: string; args: string[]; shell: boolean } {
  const browser = env.BROWSER?.split(':')[0]?.trim();
  if (browser) return { cmd: browser, args: [file], shell: false };
  if (platform === 'darwin') return { cmd: 'open', args: [file], shell: false };
  // start is a cmd.exe built-in; its first quoted argument is a window title.
  if (platform === 'win32') return { cmd: 'cmd', args: ['/c', 'start', '""', file], shell: false };
  return { cmd: 'xdg-open', args: [file], shell: false };
}

/** Starts the opener detached and waits only to learn whether it could start; true when it did. */
export function openInBrowser(file: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const o = opener(file, env, platform);
  return new Promise((resolve) => {
    try {
      const child = spawn(o.cmd, o.args, { detached: true, stdio: 'ignore', shell: o.shell });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
