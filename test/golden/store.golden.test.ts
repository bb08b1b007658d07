/** Golden cases through the embedded DuckDB store: the path the CLI and the API take. */
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { storeGoldenSuite } from "./store-golden-suite";

storeGoldenSuite("golden crosstabs through DuckDB (the CLI/API path)", async () => {
  const store = await DuckDbStore.open(":memory:");
  return { store, dispose: () => store.close() };
});
