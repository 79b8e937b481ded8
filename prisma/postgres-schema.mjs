// Derives Lotse's PostgreSQL schema from prisma/schema.prisma (SQLite, the source of truth):
//   node prisma/postgres-schema.mjs          writes prisma/postgresql/schema.prisma
//   node prisma/postgres-schema.mjs --check  exits 1 when the written file is out of date
// Prisma needs one schema per database provider. The models are the same; only the datasource
// provider and the generated client's folder differ. New PostgreSQL migrations are written with
//   npx prisma migrate diff --from-migrations … (see README, "Deployment").
// tests/unit/postgres-schema.test.ts fails when the two schemas or the migrations drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SQLITE_SCHEMA = path.join(root, 'prisma', 'schema.prisma');
export const POSTGRES_SCHEMA = path.join(root, 'prisma', 'postgresql', 'schema.prisma');

const HEADER =
  '// GENERATED from prisma/schema.prisma by prisma/postgres-schema.mjs: edit that file, then run\n' +
  '// `node prisma/postgres-schema.mjs`. The PostgreSQL variant of the same data model.\n';

/** The PostgreSQL schema for a SQLite schema's text. */
export function postgresSchema(sqlite) {
  const replace = (text, from, to) => {
    if (!from.test(text)) throw new Error(`prisma/schema.prisma: ${from} not found`);
    return text.replace(from, to);
  };
  let text = replace(sqlite, /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  text = replace(
    text,
    /(generator client \{[^}]*output\s*=\s*)"\.\.\/app\/generated\/prisma"/,
    '$1"../../app/generated/prisma-pg"',
  );
  return HEADER + text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const wanted = postgresSchema(fs.readFileSync(SQLITE_SCHEMA, 'utf8'));
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== wanted) {
      console.error(
        'prisma/postgresql/schema.prisma is out of date: run node prisma/postgres-schema.mjs',
      );
      process.exit(1);
    }
  } else if (current !== wanted) {
    fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
    fs.writeFileSync(POSTGRES_SCHEMA, wanted);
    console.log('wrote prisma/postgresql/schema.prisma');
  }
}
