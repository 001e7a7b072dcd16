/**
 * A real `strapi start` in a child process on a free loopback port: for what only a process of its own
 * shows (it survives a database restart, it drains and exits on SIGTERM). The app must be compiled
 * (dist/), as for every integration test.
 */
import { spawn, type ChildProcess } from 'child_process';
import net from 'net';
import path from 'path';
import { eventually } from './strapi';

const APP_DIR = path.resolve(__dirname, '..', '..');
const { THROWAWAY_SECRETS } = require('../../scripts/lib/secrets') as { THROWAWAY_SECRETS: Record<string, string> };

export type Instance = {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  log: () => string;
  /** Resolves with the exit code (or the signal's name) once it has exited. */
  exited: Promise<number | string>;
  pid: number;
  /** Signals it (SIGTERM lets it finish the job in hand; SIGKILL is a crash) and waits for the exit; no-op once exited. */
  stop: (signal?: NodeJS.Signals) => Promise<number | string>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts an instance with the test secrets and `env` (a database's variables at least), ready once /_health answers. */
export async function startInstance(env: Record<string, string>, timeoutMs = 90_000): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
    {
      cwd: APP_DIR,
      env: {
        ...process.env,
        ...THROWAWAY_SECRETS,
        STRAPI_TELEMETRY_DISABLED: 'true',
        STARTUP_MESSAGE: 'false',
        BROWSER: 'false',
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'))
  );
  const instance: Instance = {
    url,
    child,
    log: () => output,
    exited,
    pid: child.pid!,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  try {
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`strapi start exited with ${child.exitCode}:\n${output}`);
      return (await fetch(`${url}/_health`).catch(() => null))?.status === 204;
    }, timeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return instance;
}
