// `npm run cli`: runs the command line (app/cli/main.ts) from its prebuilt bundle, building the
// bundle first when the sources have changed since (see app/cli/build.mjs). Plain JavaScript,
// so that Node starts it without compiling anything.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { ensureCliBundle, ROOT } from './build.mjs';

/**
 * Runs the CommonJS bundle as Node's loader would, but compiled with V8's code cache: the
 * bundle's code as compiled by an earlier run, kept beside it. Without it V8 parses the whole
 * bundle (~1 MB, most of it zod and re2js) and compiles each function on first use, which took
 * about a third of a short command's time. The cache is written once, at the end of the first
 * run, and again whenever V8 rejects it (another Node version or other V8 flags).
 */
function runBundle(file) {
  const cacheFile = `${file}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // the first run writes it
  }
  // the wrapper Node puts around a CommonJS module, on the first line so that positions in
  // stack traces stay right
  const source = `(function (exports, require, module, __filename, __dirname) { ${fs.readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      // at the end, so that the cache holds the functions this run compiled too
      const temp = `${cacheFile}.${process.pid}`;
      try {
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, cacheFile);
      } catch {
        // only slower next time
        fs.rmSync(temp, { force: true });
      }
    });
  }
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
}

let entry;
try {
  entry = await ensureCliBundle();
} catch (error) {
  // Without a bundle (esbuild missing, a read-only checkout, a syntax error) the sources still
  // run through tsx, only slower; tsx reports a syntax error in its own words.
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(
    `lotse: cannot build the command line (${reason}); running it from the sources\n`,
  );
  const { register } = await import('tsx/esm/api');
  // its tsconfig.json maps `~/` to app/, whatever the current folder
  register({ tsconfig: path.join(ROOT, 'tsconfig.json') });
  await import('./main.ts');
}
if (entry) runBundle(entry);
