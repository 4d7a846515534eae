// The SDK's types are generated from the API's OpenAPI document: the committed file must be what the
// generator writes now, so a change to the API that is not carried into the SDK fails here.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { SDK_SCHEMA_FILE, sdkSchemaSource } from "../../scripts/generate-sdk-types";

describe("the SDK's generated types", () => {
  it("match the API's OpenAPI document (run `npm run sdk:types` after changing the API)", async () => {
    expect(await readFile(SDK_SCHEMA_FILE, "utf8")).toBe(await sdkSchemaSource());
  });
});
