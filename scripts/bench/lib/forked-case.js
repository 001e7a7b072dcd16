/**
 * One bench case in a child process of its own (a fresh Strapi, a fresh database, its memory returned to
 * the system afterwards): the parent forks the same script with `--child=...`, the child reports its
 * database first (so an interrupted parent can drop it) and then its result.
 */
const { fork } = require('child_process');
const { root } = require('../../lib/compile');
const { dropDatabase } = require('../../lib/database');

/** The case in progress, so that an interrupted bench kills it and drops its database. */
let current = null;

/** Ctrl-C or SIGTERM: kill the running case, drop its database, exit 130. Also runs `onStop` (servers). */
function stopOnSignals(onStop = async () => {}) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      console.error(
        `\n[bench] ${signal}: stopping${current ? ` the ${current.label} run and dropping its database` : ''}`
      );
      await onStop().catch((error) => console.error(`[bench] stopping: ${error.message}`));
      if (current) {
        current.interrupted = signal;
        current.child.kill('SIGKILL');
        if (current.database)
          await dropDatabase(current.database).catch((error) =>
            console.error(`[bench] could not drop ${JSON.stringify(current.database)}: ${error.message}`)
          );
      }
      process.exit(130);
    });
  }
}

/**
 * Forks `script` with `args` (and `env` on top of this process's) and resolves its result message: `{ ok: true, ... }`, or `{ ok: false, error }`
 * when it failed, exited without one or was interrupted.
 */
function runCase(script, args, label, { execArgv = [], env } = {}) {
  return new Promise((resolve) => {
    const child = fork(script, args, {
      cwd: root,
      stdio: 'inherit',
      execArgv,
      env: env ? { ...process.env, ...env } : process.env,
    });
    current = { child, label, database: null };
    let result = null;
    child.on('message', (message) => {
      if (message.database) current.database = message.database;
      else result = message;
    });
    child.on('exit', (code, signal) => {
      const interrupted = current?.interrupted;
      current = null;
      if (interrupted) return resolve({ ok: false, error: `interrupted by ${interrupted}` });
      if (code === 0 && result?.ok) resolve(result);
      else resolve({ ok: false, error: result?.error ?? `child exited with ${signal ?? `code ${code}`}` });
    });
  });
}

/** The child's side: tells the parent which database to drop if it is killed. */
const reportDatabase = (database) => process.send?.({ database: database.info });

/** The child's side: runs `work`, sends `{ ok: true, ...result }` or `{ ok: false, error }`, exits. */
function runAsChild(label, work) {
  work().then(
    (result) => {
      if (process.send) process.send({ ok: true, ...result }, () => process.exit(0));
      else process.exit(0);
    },
    (error) => {
      console.error(`\n[bench] ${label} failed: ${error.stack ?? error}`);
      if (process.send) process.send({ ok: false, error: error.message ?? String(error) }, () => process.exit(1));
      else process.exit(1);
    }
  );
}

module.exports = { stopOnSignals, runCase, reportDatabase, runAsChild };
