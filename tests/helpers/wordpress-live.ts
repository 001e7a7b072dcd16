/**
 * A real WordPress for the REST import test: Debian's `wordpress` package (6.1, /usr/share/wordpress) on
 * a throw-away MariaDB database, served by PHP's built-in server on a free loopback port, installed with
 * an administrator and an Application Password by a `php` CLI script. Nothing is installed here: without
 * the package (`apt-get install wordpress php-cli php-mysql`) it throws, so the test fails and says why.
 */
import { execFile, spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { freePort } from './instance';
import { eventually } from './strapi';

export const WORDPRESS_DIR = '/usr/share/wordpress';
const run = promisify(execFile);

// WordPress' own database is always MariaDB (its only server), whatever Strapi's tests run on.
const DB = {
  host: process.env.WORDPRESS_TEST_DB_HOST ?? '127.0.0.1',
  port: Number(process.env.WORDPRESS_TEST_DB_PORT ?? 3306),
  user: process.env.WORDPRESS_TEST_DB_USER ?? 'root',
  password: process.env.WORDPRESS_TEST_DB_PASSWORD ?? '',
};

export type LiveWordPress = {
  url: string;
  user: string;
  appPassword: string;
  /** A REST call as the administrator (its Application Password): the parsed body, or a thrown error naming the answer. */
  api: (method: string, route: string, body?: unknown) => Promise<any>;
  /** Uploads an image through /wp/v2/media as WordPress' editor does (the bytes as the body). */
  upload: (filename: string, bytes: Buffer, fields: Record<string, string>) => Promise<any>;
  log: () => string;
  stop: () => Promise<void>;
};

async function assertInstalled() {
  const missing: string[] = [];
  if (!fs.existsSync(path.join(WORDPRESS_DIR, 'wp-settings.php'))) missing.push(`${WORDPRESS_DIR} (package wordpress)`);
  const php = await run('php', ['-r', 'echo extension_loaded("mysqli") ? "ok" : "no";']).catch(() => null);
  if (!php) missing.push('the php command (package php-cli)');
  else if (php.stdout !== 'ok') missing.push("PHP's mysqli extension (package php-mysql)");
  if (missing.length) {
    throw new Error(
      `A real WordPress is needed for this test and ${missing.join(', ')} is missing: ` +
        'apt-get install -y wordpress php-cli php-mysql (.ci/run does)'
    );
  }
}

/** The docroot: Debian's files linked in, with a wp-config.php and wp-content of this run's own. */
function writeDocroot(dir: string, url: string, database: string) {
  const root = path.join(dir, 'root');
  fs.mkdirSync(path.join(root, 'wp-content', 'uploads'), { recursive: true });
  fs.mkdirSync(path.join(root, 'wp-content', 'mu-plugins'));
  for (const entry of fs.readdirSync(WORDPRESS_DIR)) {
    // Debian's wp-config.php reads /etc/wordpress/config-<host>.php: one host for every parallel run.
    if (entry === 'wp-config.php' || entry === 'wp-content') continue;
    fs.symlinkSync(path.join(WORDPRESS_DIR, entry), path.join(root, entry));
  }
  for (const entry of ['themes', 'plugins'])
    fs.symlinkSync(path.join(WORDPRESS_DIR, 'wp-content', entry), path.join(root, 'wp-content', entry));
  const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT']
    .concat(['LOGGED_IN_SALT', 'NONCE_SALT'])
    .map((name) => `define('${name}', 'warta-test-${name}-${process.pid}');`)
    .join('\n');
  fs.writeFileSync(
    path.join(root, 'wp-config.php'),
    `<?php
define('DB_NAME', '${database}');
define('DB_USER', '${DB.user}');
define('DB_PASSWORD', '${DB.password}');
define('DB_HOST', '${DB.host}:${DB.port}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
// Application Passwords need HTTPS unless the environment is 'local'.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', ABSPATH . 'wp-content');
define('WP_CONTENT_URL', '${url}/wp-content');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
${salts}
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
`
  );
  // No sendmail here: WordPress' notification mails are dropped.
  fs.writeFileSync(
    path.join(root, 'wp-content', 'mu-plugins', 'no-mail.php'),
    '<?php\nfunction wp_mail() { return true; }\nfunction wp_new_blog_notification() {}\n'
  );
  // PHP resolves symlinks in __FILE__, so wp-load.php would find Debian's wp-config.php: ABSPATH is set first.
  const prelude = `define('ABSPATH', ${JSON.stringify(root + '/')});`;
  fs.writeFileSync(
    path.join(dir, 'router.php'),
    `<?php
${prelude}
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = ABSPATH . ltrim($path, '/');
if ($path !== '/' && is_file($file)) {
  if (substr($file, -4) !== '.php') return false;
  $_SERVER['SCRIPT_NAME'] = $path;
  $_SERVER['SCRIPT_FILENAME'] = $file;
  require $file;
  return true;
}
// Pretty permalinks (/wp-json/...) without Apache's rewrite rules: everything else is WordPress' index.php.
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = ABSPATH . 'index.php';
require ABSPATH . 'index.php';
`
  );
  fs.writeFileSync(
    path.join(dir, 'install.php'),
    `<?php
${prelude}
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = ${JSON.stringify(new URL(url).host)};
require ABSPATH . 'wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';
$installed = wp_install('Kabar Langsung', 'redaksi', 'redaksi@kabarlangsung.example', true, '', wp_generate_password(24));
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
update_option('timezone_string', 'Asia/Jakarta');
flush_rewrite_rules(true);
[$password] = WP_Application_Passwords::create_new_application_password($installed['user_id'], ['name' => 'warta-import']);
echo json_encode(['user' => 'redaksi', 'appPassword' => $password]);
`
  );
  return root;
}

export async function startLiveWordPress(): Promise<LiveWordPress> {
  await assertInstalled();
  const mysql = require('mysql2/promise');
  const database = `warta_wp_${process.pid}_${Date.now().toString(36)}`;
  const connection = await mysql.createConnection(DB);
  await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-wordpress-'));
  let child: ReturnType<typeof spawn> | null = null;
  let log = '';
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      // The whole group: with PHP_CLI_SERVER_WORKERS the workers outlive a parent killed alone.
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.end();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const root = writeDocroot(dir, url, database);
    const installed = await run('php', [path.join(dir, 'install.php')], { cwd: dir });
    const { user, appPassword } = JSON.parse(installed.stdout.slice(installed.stdout.indexOf('{')));
    // PHP_CLI_SERVER_WORKERS: the importer and the test's own calls never wait on one slow request.
    child = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root, path.join(dir, 'router.php')], {
      cwd: dir,
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.on('data', (chunk) => (log += chunk));
    child.stderr?.on('data', (chunk) => (log += chunk));
    await eventually(async () => {
      if (child!.exitCode !== null) throw new Error(`php -S exited: ${log}`);
      return (await fetch(`${url}/wp-json/`).catch(() => null))?.ok === true;
    }, 30_000);
    const authorization = `Basic ${Buffer.from(`${user}:${appPassword}`).toString('base64')}`;
    const send = async (
      method: string,
      route: string,
      body?: Buffer | string,
      headers: Record<string, string> = {}
    ) => {
      const response = await fetch(`${url}/wp-json${route}`, {
        method,
        headers: { Authorization: authorization, ...headers },
        body,
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`WordPress ${method} ${route}: HTTP ${response.status} ${text.slice(0, 500)}`);
      return JSON.parse(text);
    };
    return {
      url,
      user,
      appPassword,
      api: (method, route, body) =>
        body === undefined
          ? send(method, route)
          : send(method, route, JSON.stringify(body), { 'Content-Type': 'application/json' }),
      upload: async (filename, bytes, fields) => {
        const media = await send('POST', '/wp/v2/media', bytes, {
          'Content-Type': 'image/png',
          'Content-Disposition': `attachment; filename=${filename}`,
        });
        return send('POST', `/wp/v2/media/${media.id}`, JSON.stringify(fields), { 'Content-Type': 'application/json' });
      },
      log: () => log,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
