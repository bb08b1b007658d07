import type { FigureSpec } from "../define";
import { agentsDemo } from "../define";
import { CN, CN_FRAME, OLHAR, ONDAVOX, PRQ, TIINSIDE } from "./sinch-sources";

const LIVE = [{ column: "agent_status", values: ["Live in production"] }];
const BR = { segment: "country", segment_level: "Brazil" };
const BRAZIL_NOTE =
  "Brazil/US cut seen only in one GitHub-stored note citing Brazilian press (Olhar Digital, TI Inside), published months after the release; country sample sizes were never published.";
const g = { tier: "G" as const, singleSource: true, n: null, date: "2026-08-14", source: OLHAR };
/** Sinch country and regional cuts, all from one GitHub note citing Brazilian press (study defaults added in sinch.ts). */
export const SINCH_REGIONAL: FigureSpec[] = [
  { ...g, id: "brazil-live", topic: "production" as const, label: "Brazil: AI agents live in production", value: 0.76, base: "Respondents in Brazil", caveat: BRAZIL_NOTE, demoMatch: agentsDemo("agent_status", "Live in production", BR) },
  {
    ...g,
    id: "us-live",
    topic: "production" as const,
    label: "United States: AI agents live in production",
    value: 0.67,
    base: "Respondents in the United States",
    caveat: BRAZIL_NOTE,
    demoMatch: agentsDemo("agent_status", "Live in production", { segment: "country", segment_level: "United States" }),
  },
  {
    ...g,
    id: "brazil-rollback",
    topic: "rollback" as const,
    label: "Brazil: stopped or reverted deployments over governance problems",
    value: 0.8,
    base: "Respondents in Brazil (whether all or only those who shipped is not stated)",
    caveat: BRAZIL_NOTE,
    demoMatch: agentsDemo("rolled_back", "Yes", { ...BR, filters: LIVE }),
  },
  {
    ...g,
    id: "brazil-cause-leak",
    topic: "rollback" as const,
    label: "Brazil: rollbacks that followed a data or personal-information leak",
    value: 0.39,
    base: "Rollbacks in Brazil",
    caveat: `Modelled in the demo as the 'customer data exposure' rollback cause (our interpretation). ${BRAZIL_NOTE}`,
    demoMatch: agentsDemo("rollback_cause", "Customer data exposure", BR),
  },
  {
    ...g,
    id: "latam-cause-leak",
    topic: "rollback" as const,
    label: "Latin America: had to shut down agents after a leak",
    value: 0.41,
    base: "Latin America (Brazil and Mexico in this sample); base unclear",
    caveat: `Single-source; the regional grouping is ours. ${BRAZIL_NOTE}`,
    demoMatch: agentsDemo("rollback_cause", "Customer data exposure", { filters: [{ column: "country", values: ["Brazil", "Mexico"] }] }),
  },
  {
    ...g,
    id: "north-america-cause-leak",
    topic: "rollback" as const,
    label: "North America: had to shut down agents after a leak",
    value: 0.26,
    base: "North America (United States and Canada in this sample); base unclear",
    caveat: `Single-source; the regional grouping is ours. ${BRAZIL_NOTE}`,
    demoMatch: agentsDemo("rollback_cause", "Customer data exposure", { filters: [{ column: "country", values: ["United States", "Canada"] }] }),
  },
  {
    ...g,
    id: "brazil-big-increase",
    topic: "investment" as const,
    label: "Brazil: plan to raise AI-communications investment by more than 25%",
    value: 0.66,
    base: "Respondents in Brazil",
    date: "2026-08-17",
    source: TIINSIDE,
    caveat: `Single-source. ${BRAZIL_NOTE}`,
    demoMatch: agentsDemo("investment_change", "Increase by more than 25%", BR),
  },
];

/** Sinch sample-description figures (size, countries, industries, mix). */
export const SINCH_SAMPLE: FigureSpec[] = [
  { id: "respondents", topic: "sample", label: "Respondents (senior decision makers)", value: 2527, unit: "count", source: PRQ, tier: "Pq", caveat: "Per-country, industry and role sample sizes not published." },
  { id: "countries", topic: "sample", label: "Countries surveyed", value: 10, unit: "count", source: PRQ, tier: "Pq", caveat: "US, UK, Australia, Brazil, Germany, France, India, Singapore, Mexico, Canada; country shares not published." },
  { id: "industries", topic: "sample", label: "Industries surveyed", value: 6, unit: "count", source: CN_FRAME, tier: "S", caveat: "List seen second-hand only (financial services and healthcare the largest); shares not published." },
  {
    id: "size-1000-4999",
    topic: "sample",
    label: "Respondents from companies with 1,000–4,999 employees",
    value: 0.68,
    source: CN,
    tier: "S",
    caveat: "Sample mix reported second-hand (GitHub verification note, cybernative); not seen in Sinch's text.",
    demoMatch: agentsDemo("company_size", "1,000–4,999 employees"),
  },
  {
    id: "size-5000-plus",
    topic: "sample",
    label: "Respondents from companies with 5,000+ employees",
    value: 0.32,
    source: CN,
    tier: "S",
    caveat: "Sample mix reported second-hand (GitHub verification note, cybernative); not seen in Sinch's text.",
    demoMatch: agentsDemo("company_size", "5,000+ employees"),
  },
];

/** Sinch figures seen in one secondary article only, kept for completeness. */
export const SINCH_UNCORROBORATED: FigureSpec[] = [
  {
    id: "data-quality",
    topic: "production",
    label: "Point to data-quality concerns",
    value: 0.62,
    source: ONDAVOX,
    tier: "S",
    singleSource: true,
    caveat: "Uncorroborated, one secondary article; may be a confusion with the 62% live-in-production figure.",
  },
  {
    id: "compliance-hurdle",
    topic: "guardrails",
    label: "Flag regulatory compliance as a major hurdle",
    value: 0.45,
    source: ONDAVOX,
    tier: "S",
    singleSource: true,
    caveat: "Uncorroborated, one secondary article.",
  },
];
