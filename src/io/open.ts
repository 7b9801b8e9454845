/**
 * Opening a file in the user's browser (the wizard's witness sheet): $BROWSER
 * when set (the usual convention, also how tests watch it), else the desktop's
 * opener — xdg-open, open (macOS), start (Windows). Never fails: a machine
 * without one (a server, a container) just gets false and the path is shown.
 */
import { spawn } from 'node:child_process';

function opener(file: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): { cmd: string; args: string[] } {
  const browser = env.BROWSER?.split(':')[0]?.trim();
  if (browser) return { cmd: browser, args: [file] };
  if (platform === 'darwin') return { cmd: 'open', args: [file] };
  // start is a cmd.exe built-in; its first quoted argument is a window title (an empty one, which node quotes as "").
  if (platform === 'win32') return { cmd: 'cmd', args: ['/c', 'start', '', file] };
  return { cmd: 'xdg-open', args: [file] };
}

/**
 * Starts the opener detached; true when it started and did not fail at once.
 * xdg-open exits at once, non-zero when nothing can open the file (a server):
 * that is false. A browser started directly keeps running: true after a moment.
 */
export function openInBrowser(file: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, waitMs = 1500): Promise<boolean> {
  const o = opener(file, env, platform);
  return new Promise((resolve) => {
    try {
      const child = spawn(o.cmd, o.args, { detached: true, stdio: 'ignore' });
      const timer = setTimeout(() => {
        child.unref();
        resolve(true);
      }, waitMs);
      timer.unref();
      child.once('error', () => {
        clearTimeout(timer);
        resolve(false);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code === 0);
      });
    } catch {
      resolve(false);
    }
  });
}
