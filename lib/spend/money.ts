// Money is integer micro-dollars (1 USD = 1,000,000 micro-USD) everywhere inside AgentHQ; dollars appear
// only at the edges: configuration (USD), the API (decimal numbers with at most 6 decimals) and the UI.

export const MICROS_PER_USD = 1_000_000;

/** USD (at most 6 decimals count) to micro-USD, rounded to the nearest micro-dollar. */
export function usdToMicros(usd: number): number {
  return Math.round(usd * MICROS_PER_USD);
}

/** Micro-USD to a USD number for the API: exact to 6 decimals. */
export function microsToUsd(micros: number | bigint): number {
  return Number(micros) / MICROS_PER_USD;
}

/** "$0.012345", "$7.00", "$1,234.50": cents at least, micro-dollars when they matter. */
export function formatUsd(micros: number | bigint): string {
  const value = Number(micros);
  const cents = value % 10_000 === 0;
  const text = (Math.abs(value) / MICROS_PER_USD).toLocaleString("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: cents ? 2 : 6,
  });
  return `${value < 0 ? "-" : ""}$${text}`;
}

/** A USD amount as the API carries it (at most 6 decimals), shown like `formatUsd`. */
export function formatUsdAmount(usd: number): string {
  return formatUsd(usdToMicros(usd));
}
