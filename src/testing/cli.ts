/**
 * Runs the headless runner as a user would (`lab <command> ...`) for tests; sends `signal` (SIGINT: Ctrl-C;
 * SIGKILL: a killed process) once stderr shows `interruptAt`. `env` adds to the environment.
 */
import { spawn } from 'node:child_process';

export function lab(args: string[], interruptAt?: string, signal: NodeJS.Signals = 'SIGINT', env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let [stdout, stderr] = ['', ''];
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (interruptAt && !sent && stderr.includes(interruptAt)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
