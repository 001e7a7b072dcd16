/**
 * varnishd as a child process, for the CDN purge test. Warta instances of their own come from
 * helpers/instance.ts (a real `strapi start`), as do free ports.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import path from 'path';
import { eventually } from './strapi';

const APP_DIR = path.resolve(__dirname, '..', '..');

export type Varnish = { url: string; log: () => string; stop: () => Promise<void> };

/**
 * varnishd in the foreground on `port`, with the repo's VCL (deploy/varnish/warta.vcl, unchanged) and a
 * backends.vcl naming `backends` (host:port), in a work directory of its own.
 */
export async function startVarnish(port: number, backends: string[], workDir: string): Promise<Varnish> {
  fs.mkdirSync(workDir, { recursive: true });
  // Run as root, varnishd compiles the VCL as its own unprivileged user: mkdtemp's 0700 would hide the files.
  fs.chmodSync(workDir, 0o755);
  fs.copyFileSync(path.join(APP_DIR, 'deploy', 'varnish', 'warta.vcl'), path.join(workDir, 'warta.vcl'));
  const declared = backends
    .map((backend, index) => {
      const [host, backendPort] = backend.split(':');
      return `backend warta${index + 1} {\n  .host = "${host}";\n  .port = "${backendPort}";\n}\n`;
    })
    .join('\n');
  const added = backends.map((_backend, index) => `  warta.add_backend(warta${index + 1});`).join('\n');
  fs.writeFileSync(
    path.join(workDir, 'backends.vcl'),
    `${declared}\nsub vcl_init {\n  new warta = directors.round_robin();\n${added}\n}\n`
  );
  let log = '';
  const child = spawn(
    '/usr/sbin/varnishd',
    [
      '-F',
      '-a',
      `127.0.0.1:${port}`,
      '-f',
      path.join(workDir, 'warta.vcl'),
      '-n',
      path.join(workDir, 'state'),
      '-s',
      'malloc,64m',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`varnishd exited: ${log}`);
    return (await fetch(`${url}/_health`).catch(() => null)) !== null;
  }, 30_000);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    // varnishd's child may linger on a busy machine: it is killed after 5 s.
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { url, log: () => log, stop };
}
