import type { Source } from "../define";

/** PR Newswire release, syndicated copy (the stored one). */
export const PR: Source = {
  title: "Sinch research reveals 74% of enterprises have rolled back live AI customer communications agents (PR Newswire, syndicated on 6ix.com)",
  url: "https://6ix.com/company/sinch-ab-1/news/sinch-research-reveals-74percent-of-enterprises-have-rolled-back-live-ai-customer-communications-agents",
};
/** The original release, quoted word for word in a third-party note (the page itself not stored). */
export const PRQ: Source = {
  title: "Sinch release on PR Newswire (quoted word for word in a third-party note; page not stored)",
  url: "https://www.prnewswire.com/news-releases/sinch-research-reveals-74-of-enterprises-have-rolled-back-live-ai-customer-communications-agents-302770730.html",
};
/** Report chapter with the "those that have already shipped" base. */
export const CH_PROD: Source = {
  title: "Sinch, The AI Production Paradox: Production is where the real story starts",
  url: "https://sinch.com/es/ai-production-paradox/chapter/ai-production-challenges/",
};
/** Report chapter 3 (failure impacts). */
export const CH3: Source = {
  title: "Sinch, The AI Production Paradox, Chapter 3: The real cost of governance failures",
  url: "https://sinch.com/es/ai-production-paradox/chapter/real-cost-failures/",
};
/** Report chapter 4 (infrastructure). */
export const CH4: Source = {
  title: "Sinch, The AI Production Paradox, Chapter 4: Infrastructure is where the race gets decided",
  url: "https://sinch.com/es/ai-production-paradox/chapter/infrastructure-importance/",
};
/** Forum post critiquing the 74% denominator; also quotes IT Pro. */
export const CN: Source = {
  title: "cybernative.ai: Sinch's '74% AI agent rollback' headline: wrong denominator, worse denominator, and no rollback definition",
  url: "https://cybernative.ai/t/sinch-s-74-ai-agent-rollback-headline-wrong-denominator-worse-denominator-and-no-rollback-definition/39224",
};
/** Companion forum post listing the sample frame. */
export const CN_FRAME: Source = {
  title: "cybernative.ai: Sinch 74% rolled back AI agents: vendor rollback taxonomy, IAM revocation and the governance failure cabinet",
  url: "https://cybernative.ai/t/sinch-74-rolled-back-ai-agents-vendor-rollback-taxonomy-iam-revocation-and-the-governance-failure-cabinet/39140",
};
/** Secondary article with the 88% figure. */
export const CPAASAA: Source = {
  title: "cpaasaa.com: The AI Production Paradox: why AI customer engagement is moving from pilots to production reality",
  url: "https://cpaasaa.com/the-ai-production-paradox-why-ai-customer-engagement-is-moving-from-pilots-to-production-reality/",
};
/** Secondary article (76/63 focus; uncorroborated 62/45). */
export const ONDAVOX: Source = {
  title: "ondavox: Sinch research reveals 74% of enterprises have rolled back live AI customer communications agents",
  url: "https://www.ondavox.com/article/sinch-research-reveals-74-of-enterprises-have-rolled-back-live-ai-customer-communications-agents-894f23d1",
};
/** TechRadar rewrite (86% considering new providers). */
export const PKPRESS: Source = { title: "pkpressclub.com (rewrite of TechRadar coverage of the Sinch study)", url: "https://pkpressclub.com/?p=196670" };
/** Brazilian press cited for the Brazil/US cut. */
export const OLHAR: Source = {
  title: "Olhar Digital: Brasil supera EUA na adoção de agentes de IA pelas empresas (cited by a GitHub note; not stored)",
  url: "https://olhardigital.com.br/2026/08/14/inteligencia-artificial/brasil-supera-eua-na-adocao-de-agentes-de-ia-pelas-empresas/",
};
/** Brazilian press cited for the Brazil investment figure. */
export const TIINSIDE: Source = {
  title: "TI Inside: No Brasil, 76% das empresas já operam agentes de IA e 66% ampliarão investimentos (cited by a GitHub note; not stored)",
  url: "https://tiinside.com.br/17/08/2026/no-brasil-76-das-empresas-ja-operam-agentes-de-ia-e-66-ampliarao-investimentos/",
};
