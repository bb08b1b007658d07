import type { Access, JsonObject } from "./openapi-parts";

/** One documented operation of the HTTP API, and the helper every path list builds it with. */
export type Tag = "system" | "auth" | "account" | "datasets" | "analysis" | "exports" | "views" | "dashboards" | "admin" | "agents";

interface OperationInput {
  parameters?: JsonObject[];
  requestBody?: JsonObject;
  responses: Record<string, JsonObject>;
  description?: string;
}

export interface Operation extends OperationInput {
  operationId: string;
  summary: string;
  tags: [Tag];
  access: Access;
}

export const op = (access: Access, tag: Tag, operationId: string, summary: string, rest: OperationInput): Operation => ({ operationId, summary, tags: [tag], access, ...rest });

