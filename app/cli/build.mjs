// The command line's prebuilt bundle. Compiling TypeScript when the process starts (tsx) took
// most of the time of a short command such as `disclosure check`; the bundle is one CommonJS file
// of plain JavaScript, which app/cli/run.mjs loads with a V8 code cache (ES modules cannot use
// one on Node 20), so that little is parsed or compiled at start-up. Each command's modules run
// only when that command does (esbuild keeps the lazy `import()`s lazy inside the bundle).
//
// The bundle lives in .cache/cli/<fingerprint>/, where the fingerprint covers the name, size
// and modification time of every file under app/ (and the few settings that change the
// output). Any edit, `git pull`, checkout or `prisma generate` changes it, so a stale bundle is
// never run; deleted and renamed files change the listing. Files are not read, which keeps the
// check at a few milliseconds.
//
// `node app/cli/build.mjs` builds it unless it is up to date (`postinstall` does this);
// app/cli/run.mjs, the `npm run cli` entry, does the same when needed before running it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const APP = path.join(ROOT, 'app');
const ENTRY = path.join(APP, 'cli', 'main.ts');
export const CACHE_DIR = path.join(ROOT, '.cache', 'cli');
/** the bundle's entry in its folder */
const ENTRY_FILE = 'main.cjs';
// Outside app/ only these change what esbuild produces: tsconfig.json (esbuild reads its
// compiler options) and package.json ("sideEffects" decides what may be left out).
const SETTINGS = ['tsconfig.json', 'package.json'];
// Packages copied into the bundle: the plain-JavaScript ones `disclosure check` loads. Loading zod
// from node_modules alone means dozens of files (~35 ms); bundled, the command starts 15–25 ms
// sooner. Every other package stays external and is loaded from node_modules as without a
// bundle: Prisma's client and adapters and the native modules must, and a package added later
// works unbundled until it is listed here. Their installed versions are part of the fingerprint.
const BUNDLED_PACKAGES = ['zod', 're2js', 'unicode-confusables'];
// Older bundles are removed after a build, unless a process that has just chosen one may still
// be about to read it.
const KEEP_OLD_BUNDLES_MS = 10 * 60_000;

function listTree(dir, rel, into) {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const name = `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      into.push(`${name}/`);
      listTree(full, name, into);
    } else {
      const stat = fs.statSync(full);
      into.push(`${name} ${stat.size} ${stat.mtimeMs}`);
    }
  }
}

/** A short hash of what the bundle is built from (see above). */
export function sourceFingerprint() {
  // the absolute path too: the bundle refers to files of this checkout (see `fileUrls`)
  const lines = [ROOT];
  listTree(APP, 'app', lines);
  for (const file of SETTINGS) {
    const stat = fs.statSync(path.join(ROOT, file));
    lines.push(`${file} ${stat.size} ${stat.mtimeMs}`);
  }
  for (const name of BUNDLED_PACKAGES) {
    // npm keeps the packed files' dates, so the version tells an upgrade
    const file = path.join(ROOT, 'node_modules', name, 'package.json');
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    const version = stat ? JSON.parse(fs.readFileSync(file, 'utf8')).version : 'missing';
    lines.push(`${name}@${version} ${stat?.size} ${stat?.mtimeMs}`);
  }
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/** The bundle's entry file for a fingerprint, whether it has been built or not. */
export function bundleEntry(fingerprint = sourceFingerprint()) {
  return path.join(CACHE_DIR, fingerprint, ENTRY_FILE);
}

/** Leaves every package but BUNDLED_PACKAGES to Node (see above). */
function externalPackages() {
  return {
    name: 'external-packages',
    setup(build) {
      // bare specifiers: packages and Node's built-in modules, not "./x" or "~/x"
      build.onResolve({ filter: /^[^./~]/ }, (args) => {
        const parts = args.path.split('/');
        const name = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
        return BUNDLED_PACKAGES.includes(name) ? undefined : { external: true };
      });
    },
  };
}

/**
 * Modules that find files relative to themselves (`new URL('../../prisma/migrations',
 * import.meta.url)`, the generated Prisma client's `__dirname`) must keep doing so from the
 * bundle, which lives elsewhere: import.meta.url and friends become the source file's own.
 * The server's bundle (app/server/run.mjs) uses this too.
 */
export function fileUrls() {
  return {
    name: 'source-file-urls',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
        if (!args.path.startsWith(APP + path.sep)) return undefined;
        const source = await fs.promises.readFile(args.path, 'utf8');
        if (!source.includes('import.meta.')) return undefined;
        const contents = source
          .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href))
          .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path))
          .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(path.dirname(args.path)));
        return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/**
 * Builds the bundle for the sources as they are now and returns its entry file. Safe to run in
 * several processes at once: each builds into a folder of its own and moves it into place.
 */
export async function buildCli({ fingerprint = sourceFingerprint() } = {}) {
  const { build } = await import('esbuild');
  const final = path.join(CACHE_DIR, fingerprint);
  const temp = path.join(CACHE_DIR, `.tmp-${process.pid}-${Date.now()}`);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  try {
    await build({
      absWorkingDir: ROOT,
      entryPoints: [ENTRY],
      outfile: path.join(temp, ENTRY_FILE),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // the sources are ES modules, strict throughout; so stays the bundle
      banner: { js: "'use strict';" },
      // external packages loaded lazily come in through `require`: run.mjs compiles the bundle
      // as a script, which cannot `import()`
      supported: { 'dynamic-import': false },
      alias: { '~': APP },
      plugins: [externalPackages(), fileUrls()],
      sourcemap: 'linked',
      // stack traces and error messages name the real functions
      keepNames: true,
      logLevel: 'silent',
    });
    try {
      fs.renameSync(temp, final);
    } catch (error) {
      // another process finished the same bundle first: use that one
      if (!fs.existsSync(path.join(final, ENTRY_FILE))) throw error;
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  removeOldBundles(fingerprint);
  return path.join(final, ENTRY_FILE);
}

function removeOldBundles(current) {
  const now = Date.now();
  for (const entry of fs.readdirSync(CACHE_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const dir = path.join(CACHE_DIR, entry.name);
    try {
      if (now - fs.statSync(dir).mtimeMs > KEEP_OLD_BUNDLES_MS) {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } catch {
      // removed by another process meanwhile
    }
  }
}

/** The entry of an up-to-date bundle, built first if there is none. */
export async function ensureCliBundle() {
  const fingerprint = sourceFingerprint();
  const entry = bundleEntry(fingerprint);
  return fs.existsSync(entry) ? entry : buildCli({ fingerprint });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `postinstall` runs this: a bundle that cannot be built must not fail the install (without
  // esbuild, as with `npm ci --omit=dev`, the command line runs from the sources through tsx)
  try {
    const fingerprint = sourceFingerprint();
    const started = Date.now();
    if (process.argv.includes('--force') || !fs.existsSync(bundleEntry(fingerprint))) {
      const entry = await buildCli({ fingerprint });
      console.error(`built ${path.relative(ROOT, entry)} in ${Date.now() - started} ms`);
    } else {
      console.error(`${path.relative(ROOT, bundleEntry(fingerprint))} is up to date`);
    }
  } catch (error) {
    console.error(
      `the command line's bundle was not built: ${error instanceof Error ? error.message : error}`,
    );
  }
}
