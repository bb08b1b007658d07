import { z } from "zod";

/**
 * zod 4 probes `Function("")` on first object parse to decide whether to JIT-compile parsers. The
 * probe is caught, but under our CSP (no 'unsafe-eval') it is reported as a violation on every page.
 * jitless mode skips the probe; the interpreted parsers are fast enough for the client's small objects.
 * Imported first thing on the client by `instrumentation-client.ts`.
 */
z.config({ jitless: true });
