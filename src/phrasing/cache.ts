import { createHash } from "node:crypto";
import type { Advice } from "../domain/advice.js";
import type { TokenUsage } from "./types.js";

export interface CachedPhrasing {
  text: string;
  usage?: TokenUsage;
}

/** A digest of the Advice's content (Decimal figures serialize as their exact text). */
export const adviceDigest = (a: Advice): string =>
  createHash("sha256").update(JSON.stringify(a)).digest("hex");

/**
 * The key of one phrasing: the Advice's content, the provider and model, and the question's text.
 * The question is in the key because it is part of the prompt (quoted data, prompt.ts): a text
 * written around one user's words must not be served to another user who got the same Advice.
 */
export const phrasingKey = (digest: string, provider: string, model: string, question = ""): string =>
  createHash("sha256").update(`${digest}\u0000${provider}\u0000${model}\u0000${question}`).digest("hex");

/** Phrasings that passed the guard, least recently used dropped first. One process's memory only. */
export class PhrasingCache {
  private readonly entries = new Map<string, CachedPhrasing>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): CachedPhrasing | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedPhrasing): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
