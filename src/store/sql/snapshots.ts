import { z } from "zod";
import { jsonHash } from "../canonical-json.js";
import type { Row } from "../executor.js";
import { asDate, checked, clampLimit, json, readRow, readRows } from "../rows.js";
import { CatalogSnapshotSchema } from "../schemas.js";
import type { CatalogSnapshots } from "../types.js";
import type { StoreContext } from "./context.js";

const COLUMNS = "id, hash, as_of, data, created_at, last_seen_at";

const NewSnapshotSchema = z.object({
  asOf: CatalogSnapshotSchema.shape.asOf,
  data: CatalogSnapshotSchema.shape.data,
});

const value = (r: Row) => ({
  id: r.id,
  hash: r.hash,
  asOf: r.as_of,
  data: r.data,
  createdAt: asDate(r.created_at),
  lastSeenAt: asDate(r.last_seen_at),
});
const key = (r: Row) => String(r.id);

export function catalogSnapshots({ db, logger, now, newId }: StoreContext): CatalogSnapshots {
  return {
    async save(input) {
      const snapshot = checked(NewSnapshotSchema, "catalog snapshot", input);
      const at = now();
      // Same prices, same row: two replicas saving the same snapshot at once end with one.
      const [row] = await db.query(
        `INSERT INTO catalog_snapshots (${COLUMNS}) VALUES ($1, $2, $3, $4::jsonb, $5, $5)
         ON CONFLICT (hash) DO UPDATE
           SET as_of = EXCLUDED.as_of, last_seen_at = EXCLUDED.last_seen_at
         RETURNING ${COLUMNS}`,
        [newId(), jsonHash(snapshot.data), snapshot.asOf, json(snapshot.data), at],
      );
      if (!row) throw new Error("INSERT ... RETURNING returned no row");
      return readRow(CatalogSnapshotSchema, "catalog_snapshots", row, value, key);
    },

    async get(id) {
      const [row] = await db.query(`SELECT ${COLUMNS} FROM catalog_snapshots WHERE id = $1`, [id]);
      return row ? readRow(CatalogSnapshotSchema, "catalog_snapshots", row, value, key) : null;
    },

    async latest(limit) {
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM catalog_snapshots ORDER BY last_seen_at DESC, created_at DESC LIMIT $1`,
        [clampLimit(limit, 2)],
      );
      return readRows(logger, CatalogSnapshotSchema, "catalog_snapshots", rows, value, key);
    },

    async prune(olderThan) {
      const cutoff = checked(z.date(), "prune cutoff", olderThan);
      // A snapshot saved for a digest in flight was seen just now, so it is never older than the cutoff.
      const [row] = await db.query(
        `WITH gone AS (
           DELETE FROM catalog_snapshots c
           WHERE c.last_seen_at < $1 AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.snapshot_id = c.id)
           RETURNING 1
         )
         SELECT count(*)::int AS n FROM gone`,
        [cutoff],
      );
      return Number(row?.n ?? 0);
    },
  };
}
