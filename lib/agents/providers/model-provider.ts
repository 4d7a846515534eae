// Which model provider runs a turn: Anthropic when ANTHROPIC_API_KEY is set (the offline demo
// otherwise), a workspace's own Anthropic key (BYOK), or an OpenAI-compatible model connection.
import { env } from "@/config/env";
import type { ModelPrice } from "@/config/models";
import { egressFetch } from "@/lib/egress/egress-fetch";
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

/** An OpenAI-compatible endpoint, reached through the egress guard (it is an address a customer gave). */
export function connectionProvider(options: { baseURL: string; apiKey?: string; model: string; price: ModelPrice }): ModelProvider {
  return new OpenAICompatibleProvider({ ...options, fetch: egressFetch as typeof fetch });
}
