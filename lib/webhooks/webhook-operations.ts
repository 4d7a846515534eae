// The public API's webhook operations (app/api/v1/webhooks/**), with the schemas their handlers parse and
// shape with, for the OpenAPI document: lib/api/openapi/v1-operations.ts spreads them into V1_OPERATIONS.
import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi/api-operation";
import {
  createdWebhookEndpointSchema,
  createWebhookSchema,
  deletedWebhookEndpointSchema,
  rotatedWebhookSecretSchema,
  webhookDeliveryListSchema,
  webhookEndpointListSchema,
} from "./webhook-schemas";

const endpointId = z.object({ id: z.string().min(1).meta({ description: "The webhook endpoint's id." }) });
const caller = { kind: "key", scope: "webhooks:write" } as const;
const tags = ["webhooks"];

export const WEBHOOK_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/webhooks",
    operationId: "listWebhookEndpoints",
    summary: "The workspace's webhook endpoints",
    tags,
    caller,
    answers: { 200: { description: "The endpoints, without their secrets.", schema: webhookEndpointListSchema } },
  },
  {
    method: "post",
    path: "/api/v1/webhooks",
    operationId: "createWebhookEndpoint",
    summary: "Register a webhook endpoint",
    description:
      "Deliveries are signed to the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the secret in the answer, which is shown this once. At most 10 endpoints per workspace; an address on a private network or the metadata service is refused.",
    tags,
    caller,
    body: createWebhookSchema,
    answers: {
      201: {
        description: "The endpoint, with its secret.",
        schema: createdWebhookEndpointSchema,
        headers: { "Cache-Control": z.literal("no-store") },
      },
    },
    errors: ["conflict"],
  },
  {
    method: "delete",
    path: "/api/v1/webhooks/{id}",
    operationId: "deleteWebhookEndpoint",
    summary: "Remove a webhook endpoint, its deliveries and its secret",
    tags,
    caller,
    params: endpointId,
    answers: { 200: { description: "Removed.", schema: deletedWebhookEndpointSchema } },
    errors: ["not_found"],
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "An endpoint's newest 50 deliveries",
    description: "Each with its status (pending, delivered, failed), attempts, the last response code and latency.",
    tags,
    caller,
    params: endpointId,
    answers: { 200: { description: "The deliveries, newest first.", schema: webhookDeliveryListSchema } },
    errors: ["not_found"],
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{id}/rotate-secret",
    operationId: "rotateWebhookSecret",
    summary: "Give an endpoint a new signing secret",
    description: "For 24 hours deliveries carry a signature by the previous secret too, so receivers can switch without missing one.",
    tags,
    caller,
    params: endpointId,
    answers: {
      200: {
        description: "The new secret, shown this once.",
        schema: rotatedWebhookSecretSchema,
        headers: { "Cache-Control": z.literal("no-store") },
      },
    },
    errors: ["not_found"],
  },
];
