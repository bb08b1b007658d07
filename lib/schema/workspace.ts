/** The workspace created with the database: the demo data and the first admin belong to it. */
export const DEFAULT_WORKSPACE_ID = "default";
export const DEFAULT_WORKSPACE_NAME = "Default";
