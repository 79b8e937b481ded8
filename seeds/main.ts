// `npm run db:seed` (and every `npm start`): creates the reference data every install needs, and
// the demo workspace when the database has no users yet and LOTSE_DEMO is not "off";
// LOTSE_DEMO_SCALE=N makes that demo workspace N times larger (seeds/demo-scale.ts).
import { databaseProvider } from '~/utils/database-url';
import { createPrismaClient } from '~/utils/db.server';
import { getEnv } from '~/utils/env.server';
import { createDemoWorkspace } from './demo';
import { DemoScaleError, parseDemoScale, scaleDemoWorkspace } from './demo-scale';
import { ensureReferenceData } from './reference';

let scale: number;
try {
  scale = parseDemoScale(process.env.LOTSE_DEMO_SCALE);
} catch (error) {
  if (!(error instanceof DemoScaleError)) throw error;
  console.error(`lotse: ${error.message}`);
  process.exit(2);
}

const env = getEnv();
const prisma = createPrismaClient(env.DATABASE_URL);
try {
  // WAL lets readers go on while one request writes; the setting stays with the database file
  if (databaseProvider(env.DATABASE_URL) === 'sqlite') {
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  }
  await ensureReferenceData(prisma);
  if (env.LOTSE_DEMO === 'on' && (await prisma.user.count()) === 0) {
    const started = Date.now();
    await createDemoWorkspace(prisma);
    console.log(
      `lotse: demo workspace created in ${Date.now() - started} ms (log in as editor@demo.lotse, password lotse-demo)`,
    );
    if (scale > 1) {
      const scaling = Date.now();
      const added = await scaleDemoWorkspace(prisma, scale);
      console.log(
        `lotse: demo workspace made ${scale} times larger in ${Date.now() - scaling} ms ` +
          `(${added.experts} experts, ${added.knowledgeItems} knowledge items, ${added.needs} needs, ` +
          `${added.pieces} pieces added)`,
      );
    }
  }
} finally {
  await prisma.$disconnect();
}
