import { z } from "zod";
import { checked } from "../rows.js";
import type { EventClaims } from "../types.js";
import type { StoreContext } from "./context.js";

const EventKeySchema = z.string().min(1).max(512);
const TtlSchema = z.number().int().positive();

export function eventClaims({ db, now }: StoreContext): EventClaims {
  return {
    async claim(eventKey, ttlMs) {
      const key = checked(EventKeySchema, "event key", eventKey);
      const ttl = checked(TtlSchema, "claim lifetime", ttlMs);
      const at = now();
      // One statement, so the database arbitrates: a new key inserts; a live claim updates nothing;
      // an expired one is taken over. Only the winner gets a row back.
      const rows = await db.query(
        `INSERT INTO event_claims (event_key, claimed_at, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (event_key) DO UPDATE
           SET claimed_at = EXCLUDED.claimed_at, expires_at = EXCLUDED.expires_at
           WHERE event_claims.expires_at <= EXCLUDED.claimed_at
         RETURNING event_key`,
        [key, at, new Date(at.getTime() + ttl)],
      );
      return rows.length === 1;
    },

    async release(eventKey) {
      await db.query("DELETE FROM event_claims WHERE event_key = $1", [eventKey]);
    },

    async prune() {
      const [row] = await db.query(
        `WITH gone AS (DELETE FROM event_claims WHERE expires_at <= $1 RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [now()],
      );
      return Number(row?.n ?? 0);
    },
  };
}
