// Creating and dropping throwaway databases on a PostgreSQL server, for tests.
import { randomBytes } from "node:crypto";
import pg from "pg";

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database with a unique name and returns its connection string. */
export async function createScratchDatabase(serverUrl: string, label: string): Promise<string> {
  const name = `agenthq_${label}_${randomBytes(4).toString("hex")}`;
  await onServer(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(serverUrl, name);
}

export async function dropScratchDatabase(serverUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^agenthq_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to drop ${name}`);
  await onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
