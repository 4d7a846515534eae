import { describe, expect, it } from "vitest";
import { describeInputErrors, precheckInput } from "./input-precheck";
import { checkInput } from "./input-schema";

const schema = {
  type: "object",
  properties: { question: { type: "string", minLength: 1 }, depth: { type: "integer" }, tone: { enum: ["plain", "friendly"] } },
  required: ["question"],
  additionalProperties: false,
};

describe("the browser's check of a run's input", () => {
  it("names a missing and an unknown field as the server does", () => {
    const input = { topic: "RLS" };
    const browser = precheckInput(schema, input);
    expect(browser).toEqual([
      { path: "input.question", message: "Required." },
      { path: "input", message: 'Unknown field "topic".' },
    ]);
    expect(checkInput(schema, input)).toEqual(browser);
    expect(describeInputErrors(browser)).toBe("`question` is required; unknown field `topic`.");
  });

  it("reports wrong types and values on the field that holds them", () => {
    const errors = precheckInput(schema, { question: "", depth: 1.5, tone: "shouty" });
    expect(errors.map((e) => e.path)).toEqual(["input.question", "input.depth", "input.tone"]);
    expect(describeInputErrors(errors)).toMatch(/^`question`: string is too short.*; `depth`: .*integer.*; `tone`: /);
  });

  it("accepts a fitting input, and an input that is not an object is one message", () => {
    expect(precheckInput(schema, { question: "Why?" })).toEqual([]);
    expect(describeInputErrors(precheckInput(schema, ["Why?"]))).toMatch(/^The input: instance type "array" is invalid/);
  });

  it("writes the server's nested field errors the same way", () => {
    expect(
      describeInputErrors([
        { path: "input.filters.since", message: "Required." },
        { path: "input.filters", message: 'Unknown field "until".' },
      ]),
    ).toBe("`filters.since` is required; unknown field `filters.until`.");
  });
});
