/**
 * Indexes for digests: the channel's latest answer (what `digest weekly …` follows when given no
 * question) and the deliveries naming a catalog snapshot (pruning looks for none).
 */
export const digestUpkeep = `
CREATE INDEX answers_by_channel ON answers (platform, workspace_id, channel_id, created_at DESC, seq DESC);
CREATE INDEX deliveries_by_snapshot ON deliveries (snapshot_id) WHERE snapshot_id IS NOT NULL;
`;
