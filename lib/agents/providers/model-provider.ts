// Which model provider runs agents: Anthropic when ANTHROPIC_API_KEY is set, the offline demo otherwise.
import { env } from "@/config/env";
import type { ModelProvider } from "../model-types";
import { AnthropicProvider } from "./anthropic-provider";
import { OfflineProvider } from "./offline-provider";

/** A provider on a workspace's own Anthropic key (BYOK): the same endpoint and model, the customer's account. */
export function providerForOwnKey(apiKey: string): ModelProvider {
  return new AnthropicProvider({ apiKey, baseURL: env.ANTHROPIC_BASE_URL, model: env.ANTHROPIC_MODEL });
}

export function modelProvider(): ModelProvider {
  if (env.ANTHROPIC_API_KEY) {
    return new AnthropicProvider({ apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL, model: env.ANTHROPIC_MODEL });
  }
  return new OfflineProvider(env.OFFLINE_TURN_MS, env.ANTHROPIC_MODEL);
}
