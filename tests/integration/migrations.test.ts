// The migrations in prisma/migrations build exactly the database that prisma/schema.prisma describes,
// and the migrate command is safe to run twice, concurrently, and refuses edited migrations.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase, dropScratchDatabase } from "../support/databases";
import { readDatamodel, type DmmfField, type DmmfModel } from "../support/prisma-datamodel";

const serverUrl = process.env.TEST_SERVER_DATABASE_URL;
if (!serverUrl) throw new Error("TEST_SERVER_DATABASE_URL is not set; run the suite with `npm test`.");

const SQL_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Float: "double precision",
};

const scratch: string[] = [];
async function freshDatabase(label: string) {
  const url = await createScratchDatabase(serverUrl!, label);
  scratch.push(url);
  return url;
}
afterAll(async () => {
  await Promise.all(scratch.map((url) => dropScratchDatabase(serverUrl!, url)));
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (model: DmmfModel, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName)!;
  return field.dbName ?? field.name;
};
const isColumn = (f: DmmfField) => f.kind === "scalar" || f.kind === "enum";
/** Defaults computed by the database (not by Prisma Client, like cuid()). */
const hasDatabaseDefault = (f: DmmfField) =>
  f.hasDefaultValue && !(typeof f.default === "object" && ["cuid", "uuid", "nanoid", "ulid"].includes(f.default.name));

describe("migrations match the Prisma schema", () => {
  const datamodel = readDatamodel();
  let url: string;
  let columns: {
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: string;
    column_default: string | null;
  }[];
  let indexes: { table: string; unique: boolean; primary: boolean; columns: string[] }[];

  beforeAll(async () => {
    url = await freshDatabase("schema");
    const result = await migrate(url);
    expect(result.applied.length).toBeGreaterThan(0);
    columns = await query(
      url,
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    indexes = await query(
      url,
      `
      SELECT t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
       GROUP BY ix.indexrelid, t.relname, ix.indisunique, ix.indisprimary`,
    );
  });

  it("has exactly one table per model", () => {
    const tables = new Set(columns.map((c) => c.table_name));
    expect([...tables].sort()).toEqual(datamodel.models.map(tableOf).sort());
  });

  it("has every field as a column of the right type, nullability and default, and no others", () => {
    for (const model of datamodel.models) {
      const actual = columns.filter((c) => c.table_name === tableOf(model));
      const fields = model.fields.filter(isColumn);
      expect(actual.map((c) => c.column_name).sort(), model.name).toEqual(fields.map((f) => f.dbName ?? f.name).sort());
      for (const field of fields) {
        const column = actual.find((c) => c.column_name === (field.dbName ?? field.name))!;
        const where = `${model.name}.${field.name}`;
        if (field.isList) {
          expect(column.data_type, where).toBe("ARRAY");
          expect(column.udt_name, where).toBe(`_${SQL_TYPES[field.type] === "text" ? "text" : field.type.toLowerCase()}`);
          continue;
        }
        if (field.kind === "enum") {
          expect([column.data_type, column.udt_name], where).toEqual(["USER-DEFINED", field.type]);
        } else {
          expect(column.data_type, where).toBe(SQL_TYPES[field.type]);
        }
        expect(column.is_nullable, where).toBe(field.isRequired ? "NO" : "YES");
        expect(column.column_default !== null, `${where} default`).toBe(hasDatabaseDefault(field));
      }
    }
  });

  it("has every primary key, unique constraint and index", () => {
    for (const index of datamodel.indexes) {
      const model = datamodel.models.find((m) => m.name === index.model)!;
      const wanted = index.fields.map((f) => columnOf(model, f.name));
      const match = indexes.find(
        (i) =>
          i.table === tableOf(model) &&
          JSON.stringify(i.columns) === JSON.stringify(wanted) &&
          i.primary === (index.type === "id") &&
          i.unique === (index.type !== "normal"),
      );
      expect(match, `${index.type} index on ${index.model}(${wanted.join(", ")})`).toBeDefined();
    }
    expect(indexes.length, "no index that the schema does not declare").toBe(datamodel.indexes.length);
  });

  it("has every enum with its values in order", async () => {
    const rows = await query<{ name: string; values: string[] }>(
      url,
      `
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    for (const en of datamodel.enums) {
      expect(rows.find((r) => r.name === en.name)?.values, en.name).toEqual(en.values.map((v) => v.name));
    }
  });

  it("has every relation as a foreign key with its delete rule", async () => {
    const fks = await query<{ table: string; columns: string[]; target: string; on_delete: string }>(
      url,
      `
      SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS target, c.confdeltype AS on_delete,
             array(SELECT attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY o) AS columns
        FROM pg_constraint c WHERE c.contype = 'f'`,
    );
    const DELETE_RULE: Record<string, string> = { Cascade: "c", SetNull: "n", Restrict: "r", NoAction: "a" };
    let expected = 0;
    for (const model of datamodel.models) {
      for (const field of model.fields.filter((f) => f.relationFromFields?.length)) {
        expected++;
        const target = datamodel.models.find((m) => m.name === field.type)!;
        const fk = fks.find(
          (f) =>
            f.table === `"${tableOf(model)}"` &&
            JSON.stringify(f.columns) === JSON.stringify(field.relationFromFields!.map((n) => columnOf(model, n))),
        );
        expect(fk, `${model.name}.${field.name}`).toBeDefined();
        expect(fk!.target).toBe(`"${tableOf(target)}"`);
        expect(fk!.on_delete, `${model.name}.${field.name} onDelete`).toBe(DELETE_RULE[field.relationOnDelete ?? "NoAction"]);
      }
    }
    expect(fks.length).toBe(expected);
  });
});

describe("the migrate command", () => {
  it("records migrations the way Prisma does and applies nothing the second time", async () => {
    const url = await freshDatabase("rerun");
    const first = await migrate(url);
    const second = await migrate(url);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"`,
    );
    expect(rows.map((r) => r.migration_name).sort()).toEqual(first.applied);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("is safe when several instances migrate the same empty database at once", async () => {
    const url = await freshDatabase("concurrent");
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const appliedCounts = results.map((r) => r.applied.length).sort();
    expect(appliedCounts[0]).toBe(0);
    expect(appliedCounts[1]).toBe(0);
    expect(appliedCounts[2]).toBeGreaterThan(0);
    const [row] = await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(row?.count)).toBe(appliedCounts[2]);
  });

  it("rolls back a failing migration entirely and refuses a migration edited after it ran", async () => {
    const url = await freshDatabase("broken");
    const dir = await mkdtemp(path.join(os.tmpdir(), "agenthq-migrations-"));
    try {
      await cp(path.resolve("prisma/migrations"), dir, { recursive: true });
      await migrate(url, dir);
      const broken = path.join(dir, "99990101000000_broken");
      await cp(path.join(dir, "20261123000000_init"), broken, { recursive: true });
      await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "Half" (id int); SELECT * FROM "Missing";`);
      await expect(migrate(url, dir)).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
      const half = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
      expect(half).toHaveLength(0);

      await rm(broken, { recursive: true });
      await writeFile(path.join(dir, "20261123000000_init", "migration.sql"), "-- edited\n");
      await expect(migrate(url, dir)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
