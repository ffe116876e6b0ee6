import { z } from "zod";
import type { Row } from "../executor.js";
import { asDate, checked, json, readRow } from "../rows.js";
import { ConversationReferenceJsonSchema, StoredConversationReferenceSchema } from "../schemas.js";
import type { ConversationReferences } from "../types.js";
import type { StoreContext } from "./context.js";

const KeySchema = z.object({
  tenantId: z.string().min(1).max(512),
  conversationId: z.string().min(1).max(512),
});

const value = (r: Row) => ({
  tenantId: r.tenant_id,
  conversationId: r.conversation_id,
  reference: r.reference,
  updatedAt: asDate(r.updated_at),
});

export function conversationReferences({ db, now }: StoreContext): ConversationReferences {
  return {
    async save(input) {
      const key = checked(KeySchema, "conversation key", input);
      const reference = checked(ConversationReferenceJsonSchema, "conversation reference", input.reference);
      await db.query(
        `INSERT INTO conversation_references (tenant_id, conversation_id, reference, updated_at)
         VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (tenant_id, conversation_id) DO UPDATE
           SET reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at`,
        [key.tenantId, key.conversationId, json(reference), now()],
      );
    },

    async get(tenantId, conversationId) {
      const [row] = await db.query(
        `SELECT tenant_id, conversation_id, reference, updated_at FROM conversation_references
         WHERE tenant_id = $1 AND conversation_id = $2`,
        [tenantId, conversationId],
      );
      if (!row) return null;
      return readRow(StoredConversationReferenceSchema, "conversation_references", row, value, (r) =>
        [r.tenant_id, r.conversation_id].join("/"),
      );
    },
  };
}
