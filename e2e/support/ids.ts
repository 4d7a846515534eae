import { randomBytes } from "node:crypto";

export const uniqueEmail = (label = "user") => `${label}-${randomBytes(5).toString("hex")}@example.test`;
export const uniqueSlug = (label = "ws") => `${label}-${randomBytes(4).toString("hex")}`;
export const PASSWORD = "e2e-Password-4242";
