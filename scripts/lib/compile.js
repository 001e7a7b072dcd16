/**
 * The one place scripts compile the server. Tests, benches and maintenance scripts all run dist/, and a
 * stale dist/ silently runs old code, so each of them compiles first (tsc is incremental: ~2 s when
 * nothing changed).
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..', '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Runs a command in the project root with inherited output; exits with its status when it fails. */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * `tsc -p tsconfig.json` into dist/. A failure exits the process with tsc's status, or throws when
 * `{ throwOnError: true }` (the related bench reports it in its summary instead).
 */
function compile({ throwOnError = false } = {}) {
  // A test run compiles dist/ once before it starts; the scripts its tests spawn (the importer's CLI) skip it.
  if (process.env.WARTA_DIST_COMPILED === '1') return undefined;
  const result = spawnSync(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (result.status === 0) return removeStaleOutputs();
  if (throwOnError) throw new Error(`tsc -p tsconfig.json failed (exit ${result.status}): dist/ would be stale.`);
  process.exit(result.status ?? 1);
}

/**
 * tsc never deletes what it wrote for a file that has since moved or gone, and Node prefers `x.js` over
 * `x/index.js`: a module turned into a folder would keep running its old single-file build. Outputs
 * without a source are removed.
 */
function removeStaleOutputs() {
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) {
        const source = path.join(root, path.relative(path.join(root, 'dist'), full)).slice(0, -'.js'.length);
        if (!['.ts', '.tsx', '.js'].some((ext) => fs.existsSync(source + ext))) {
          for (const output of [full, `${full}.map`, `${full.slice(0, -3)}.d.ts`]) fs.rmSync(output, { force: true });
        }
      }
    }
  };
  walk(path.join(root, 'dist', 'src'));
  walk(path.join(root, 'dist', 'config'));
}

module.exports = { root, bin, run, compile };
