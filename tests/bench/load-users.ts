// The editors of `npm run bench:load` (tests/bench/load-servers.ts runs this in the tree of the
// server under test, so that each tree creates them with its own model function, as
// `lotse user create` does): LOAD_USERS accounts load-01@bench.lotse, … with LOAD_PASSWORD.
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';

const count = Number(process.env.LOAD_USERS);
const password = process.env.LOAD_PASSWORD ?? '';
if (!Number.isInteger(count) || count < 1 || password.length < 12) {
  console.error('LOAD_USERS (a whole number) and LOAD_PASSWORD (12 characters or more) are needed');
  process.exit(2);
}
try {
  for (let i = 0; i < count; i++) {
    const email = `load-${String(i + 1).padStart(2, '0')}@bench.lotse`;
    await createUser({ email, name: `Load Editor ${i + 1}`, password, roles: ['editor'] });
  }
} finally {
  await prisma.$disconnect();
}
