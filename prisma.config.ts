import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// The CLI tries to download a native engine when DATABASE_URL is unset, so it always has a value.
process.env.DATABASE_URL ??= 'file:./prisma/data/lotse.db';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL as string;
    // SQLite creates the file but not its folder
    if (url.startsWith('file:')) {
      fs.mkdirSync(path.dirname(url.slice('file:'.length).split('?')[0] as string), {
        recursive: true,
      });
    }
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL as string });
  },
});
