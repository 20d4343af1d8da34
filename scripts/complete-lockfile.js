#!/usr/bin/env node
/**
 * Completes package-lock.json for `npm ci` after `npm install` on this workplace.
 *
 * Why: the npm registry reachable here does not serve other platforms' native binaries
 * (e.g. @swc/core-darwin-arm64 answers 404), so npm leaves them out of the lockfile, and
 * `npm ci` then refuses the lockfile as out of sync with the optionalDependencies of
 * @swc/core and unrs-resolver (npm/cli#4828, #8320). This adds one entry per missing
 * platform package, marked optional with its os/cpu/libc, so npm ci skips it on every
 * other platform without fetching it. Run it after any `npm install` that changes the lock.
 */
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const PLATFORM =
  /-(darwin|linux|win32|android|freebsd|openharmony)-(arm64|x64|arm|ia32|ppc64|s390x|loong64|riscv64)(?:-(gnu|musl|gnueabihf|musleabihf|eabi|msvc))?$/;

let added = 0;
for (const [where, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${where}/${key}`]) continue;
    const m = PLATFORM.exec(name);
    if (!m) continue;
    const [, os, cpu, abi] = m;
    lock.packages[key] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(abi && os === 'linux' ? { libc: [abi.startsWith('musl') ? 'musl' : 'glibc'] } : {}),
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);
