/**
 * Golden cases through PostgreSQL (the multi-instance path, DATABASE_URL set), in a fresh random
 * schema of TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) dropped afterwards.
 */
import { openTestPostgres } from "@/lib/store/postgres/postgres.fixtures";
import { storeGoldenSuite } from "./store-golden-suite";

storeGoldenSuite("golden crosstabs through PostgreSQL (the multi-instance API path)", async () => {
  const pg = await openTestPostgres();
  return { store: pg.store, dispose: () => pg.dispose() };
});
