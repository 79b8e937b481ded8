import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory, SqlQueryable } from '@prisma/driver-adapter-utils';

/**
 * Prisma's PostgreSQL adapter, with the queries of a transaction sent one at a time.
 *
 * A transaction runs on a single connection of the pool, and a connection answers one query at
 * a time. Prisma itself sends several queries at once inside a transaction (the relations of an
 * `include` or a nested `select` are read side by side), and the pg driver then queues them on
 * the connection, a use it deprecates and will refuse from pg 9 on. Here the transaction keeps
 * that queue itself: each query starts when the one before it has settled, in the order they
 * were issued, which is the order the driver ran them in. Queries outside a transaction each
 * take a connection of their own from the pool and are left alone.
 */
export function postgresAdapter(
  ...args: ConstructorParameters<typeof PrismaPg>
): SqlDriverAdapterFactory {
  const factory = new PrismaPg(...args);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) =>
        oneQueryAtATime(await startTransaction(isolationLevel));
      return adapter;
    },
  };
}

/**
 * Makes `queryable` run its queries one after the other: a query issued while another one is
 * running waits for it (and for those issued before it) to succeed or fail. Returns `queryable`.
 */
export function oneQueryAtATime<Q extends SqlQueryable>(queryable: Q): Q {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const turn = previous.then(run);
    // a failed query fails its caller; the next one still gets its turn
    previous = turn.catch(() => undefined);
    return turn;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = (query) => inTurn(() => queryRaw(query));
  queryable.executeRaw = (query) => inTurn(() => executeRaw(query));
  return queryable;
}
