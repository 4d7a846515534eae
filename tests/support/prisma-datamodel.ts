// The Prisma schema as data (DMMF), read with Prisma's own schema parser (WebAssembly, offline).
import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";

export interface DmmfField {
  name: string;
  dbName: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: { name: string } | string | number | boolean;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}

export interface Datamodel {
  enums: { name: string; values: { name: string }[] }[];
  models: DmmfModel[];
  indexes: DmmfIndex[];
}

export function readDatamodel(schemaPath = path.resolve("prisma/schema.prisma")): Datamodel {
  const schema = readFileSync(schemaPath, "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] })));
  return dmmf.datamodel as Datamodel;
}
