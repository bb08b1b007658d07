import { describe, expect, it } from "vitest";
import { audienceFor, DEFAULT_GOVERNANCE } from "@/lib/disclosure/audience";
import { agentInfo, agentViewer, refusalOf, type AgentCredentialRow } from "./agent-credentials";

const NOW = new Date("2026-06-01T12:00:00.000Z");
const row: AgentCredentialRow = {
  id: "agt_1",
  name: "Assistant",
  workspaceId: "default",
  createdBy: "u1",
  createdByEmail: "admin@x.test",
  datasets: ["demo"],
  tools: ["crosstab", "not_a_tool"],
  expiresAt: "2026-07-01T00:00:00.000Z",
  budgetTotal: 10,
  budgetUsed: 3,
  createdAt: "2026-05-01T00:00:00.000Z",
  lastUsedAt: null,
  revokedAt: null,
  revokedBy: null,
};

describe("agent credentials", () => {
  it("refuses in order: revoked, then expired, then a spent budget", () => {
    expect(refusalOf(row, NOW)).toBeNull();
    expect(refusalOf({ ...row, budgetUsed: 10 }, NOW)).toBe("exhausted");
    expect(refusalOf({ ...row, budgetUsed: 10, expiresAt: "2026-06-01T12:00:00.000Z" }, NOW)).toBe("expired");
    expect(refusalOf({ ...row, budgetUsed: 10, expiresAt: "2020-01-01T00:00:00.000Z", revokedAt: "2026-05-02T00:00:00.000Z" }, NOW)).toBe("revoked");
    expect(refusalOf({ ...row, expiresAt: "not a date" }, NOW)).toBe("expired"); // fail closed
  });

  it("is an aggregate-only audience of its own, even in the workspace that owns the dataset", () => {
    const v = agentViewer(row);
    expect(v).toEqual({ userId: "agt_1", email: "agent:agt_1", workspaceId: "default", role: "analyst", via: "agent" });
    expect(audienceFor(v, "owner", { policy: "protected", uploadedBy: "agt_1" })).toEqual({ kind: "aggregate", exact: false, why: "aggregate-only" });
    expect(audienceFor({ ...v, role: "admin" }, "owner", DEFAULT_GOVERNANCE).kind).toBe("aggregate");
  });

  it("shows scope, sponsor, budget left and status, and drops unknown tools", () => {
    expect(agentInfo(row, NOW)).toMatchObject({ sponsor: { id: "u1", email: "admin@x.test" }, tools: ["crosstab"], budget: { total: 10, used: 3, left: 7 }, status: "active" });
    expect(agentInfo({ ...row, revokedAt: "2026-05-02T00:00:00.000Z" }, NOW).status).toBe("revoked");
  });
});
