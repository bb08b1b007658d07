/** Probability distributions needed by the survey statistics (pure functions, ~1e-13 accuracy). */
export { dnorm, pnorm, qnorm } from "./normal";
export { lgamma, lbeta, pgamma, pchisq } from "./gamma";
export { incompleteBeta, pbeta, qbeta, logDbeta } from "./beta";
export type { BetaTails } from "./beta";
export { dt, pt, qt } from "./t";
export { pf } from "./f";
export { findRoot } from "./root";
