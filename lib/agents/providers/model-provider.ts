// Which model provider runs a turn: Anthropic when ANTHROPIC_API_KEY is set (the offline demo
// otherwise), a workspace's own Anthropic key (BYOK), or an OpenAI-compatible model connection.
import { env } from "@/config/env";
import type { ModelPrice } from "@/config/models";
import { cappedEgressFetch } from "@/lib/egress/egress-fetch";
import type { ModelProvider } from "../model-types";
import { AnthropicProvider } from "./anthropic-provider";
import { OfflineProvider } from "./offline-provider";
import { OpenAICompatibleProvider } from "./openai-provider";

/** A provider on a workspace's own Anthropic key (BYOK): the same endpoint, the customer's account. */
export function providerForOwnKey(apiKey: string, model: string = env.ANTHROPIC_MODEL): ModelProvider {
  return new AnthropicProvider({ apiKey, baseURL: env.ANTHROPIC_BASE_URL, model });
}

/** The platform's provider of a Claude model. */
export function modelProvider(model: string = env.ANTHROPIC_MODEL): ModelProvider {
  if (env.ANTHROPIC_API_KEY) return new AnthropicProvider({ apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL, model });
  return new OfflineProvider(env.OFFLINE_TURN_MS, model);
}

/** Most bytes one answer of a customer's model endpoint may have. */
const CONNECTION_MAX_RESPONSE_BYTES = 10_000_000;

/**
 * An OpenAI-compatible endpoint. A workspace's connection is an address a customer gave: reached
 * through the egress guard, its answers capped. The server's own (OPENAI_BASE_URL) is the operator's
 * and may be on their private network.
 */
export function connectionProvider(options: {
  baseURL: string;
  apiKey?: string;
  model: string;
  price: ModelPrice;
  operatorOwned: boolean;
}): ModelProvider {
  const { operatorOwned, ...rest } = options;
  return new OpenAICompatibleProvider({ ...rest, ...(!operatorOwned && { fetch: cappedEgressFetch(CONNECTION_MAX_RESPONSE_BYTES) }) });
}
