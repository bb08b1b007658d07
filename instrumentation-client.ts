// Runs in the browser before the app hydrates (Next file convention).
import "@/lib/security/zod-csp";
