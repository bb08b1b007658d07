import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type APIRequestContext } from "@playwright/test";

export const FIXTURES = path.join(process.cwd(), "test", "fixtures");

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** Upload a file through the API as a raw body; returns the created dataset JSON. */
export async function uploadFile(request: APIRequestContext, file: string, name: string) {
  const res = await request.post(`/api/datasets?name=${encodeURIComponent(name)}&fileName=${encodeURIComponent(path.basename(file))}`, {
    data: fs.readFileSync(file),
    headers: { "content-type": "application/octet-stream" },
  });
  return res;
}

export const test = base;
export { expect };
