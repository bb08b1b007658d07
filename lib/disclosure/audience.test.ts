import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audienceFor, canSetPolicy, DEFAULT_GOVERNANCE, seesExact, type AudienceViewer, type DatasetReach } from "./audience";

const ROLES = ["admin", "researcher", "analyst", "viewer"] as const;
const viewer = (role: AudienceViewer["role"], userId = "u1", via = "session"): AudienceViewer => ({ userId, workspaceId: "w1", role, via });

describe("audienceFor", () => {
  it("gives respondent access to the owning workspace's admins and researchers and to the uploader", () => {
    expect(audienceFor(viewer("admin"), "owner", DEFAULT_GOVERNANCE)).toEqual({ kind: "respondent", why: "admin" });
    expect(audienceFor(viewer("researcher"), "owner", DEFAULT_GOVERNANCE)).toEqual({ kind: "respondent", why: "researcher" });
    expect(audienceFor(viewer("analyst", "u1"), "owner", { policy: "protected", uploadedBy: "u1" })).toEqual({ kind: "respondent", why: "uploader" });
  });

  it("keeps every other caller aggregate-only and protected", () => {
    expect(audienceFor(viewer("analyst", "u2"), "owner", { policy: "protected", uploadedBy: "u1" })).toEqual({ kind: "aggregate", exact: false, why: "aggregate-only" });
    expect(audienceFor(viewer("viewer"), "owner", DEFAULT_GOVERNANCE).kind).toBe("aggregate");
    // a share never carries respondent access, whatever the role in the other workspace
    for (const role of ROLES) expect(seesExact(audienceFor(viewer(role), "shared", DEFAULT_GOVERNANCE))).toBe(false);
    // an unknown uploader matches nobody (fail closed)
    expect(seesExact(audienceFor(viewer("analyst", "u1"), "owner", { policy: "protected", uploadedBy: null }))).toBe(false);
  });

  it("never gives an agent credential respondent access", () => {
    for (const role of ROLES) expect(audienceFor(viewer(role, "u1", "agent"), "owner", { policy: "protected", uploadedBy: "u1" }).kind).toBe("aggregate");
  });

  it("releases an open dataset exactly to every audience, without respondent access", () => {
    expect(audienceFor(viewer("viewer"), "shared", { policy: "open", uploadedBy: null })).toEqual({ kind: "aggregate", exact: true, why: "open-policy" });
  });

  it("property: exact numbers only through respondent access or the open policy", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom<DatasetReach>("owner", "shared"), fc.constantFrom("open", "protected" as const), fc.boolean(), fc.constantFrom("session", "token", "agent"), (role, reach, policy, isUploader, via) => {
        const a = audienceFor(viewer(role, "me", via), reach, { policy, uploadedBy: isUploader ? "me" : "someone" });
        const respondent = reach === "owner" && via !== "agent" && (role === "admin" || role === "researcher" || (isUploader && role !== "viewer"));
        expect(a.kind === "respondent").toBe(respondent);
        expect(seesExact(a)).toBe(respondent || policy === "open");
      }),
    );
  });
});

describe("canSetPolicy", () => {
  it("lets the uploader and the owning workspace's admins set the policy, nobody else", () => {
    const gov = { policy: "protected" as const, uploadedBy: "u1" };
    expect(canSetPolicy(viewer("admin", "u9"), "owner", gov)).toBe(true);
    expect(canSetPolicy(viewer("analyst", "u1"), "owner", gov)).toBe(true);
    expect(canSetPolicy(viewer("researcher", "u9"), "owner", gov)).toBe(false);
    expect(canSetPolicy(viewer("admin", "u9"), "shared", gov)).toBe(false);
    expect(canSetPolicy(viewer("admin", "u1", "agent"), "owner", gov)).toBe(false);
  });
});
