import type { KnownBlock } from "@slack/types";

/**
 * Block Kit's documented limits, checked independently of the builders' own constants, so a
 * builder that drifts past a limit fails here rather than at Slack.
 * @see https://docs.slack.dev/reference/block-kit/blocks
 */
export function blockKitProblems(
  blocks: readonly KnownBlock[],
  where: "message" | "view" = "message",
  fallbackText = "",
): string[] {
  const problems: string[] = [];
  const max = where === "message" ? 50 : 100;
  if (blocks.length > max) problems.push(`${blocks.length} blocks > ${max}`);
  let total = fallbackText.length;
  const ids = new Set<string>();
  const check = (cond: boolean, msg: string) => {
    if (!cond) problems.push(msg);
  };
  blocks.forEach((b, i) => {
    const at = `block ${i} (${b.type})`;
    if (b.block_id) {
      check(b.block_id.length <= 255, `${at}: block_id over 255`);
      check(!ids.has(b.block_id), `${at}: duplicate block_id ${b.block_id}`);
      ids.add(b.block_id);
    }
    if (b.type === "header") {
      check(b.text.type === "plain_text", `${at}: header must be plain_text`);
      check(b.text.text.length <= 150, `${at}: header ${b.text.text.length} > 150`);
      total += b.text.text.length;
    }
    if (b.type === "section") {
      check(b.text !== undefined || (b.fields?.length ?? 0) > 0, `${at}: section needs text or fields`);
      if (b.text) {
        check(
          b.text.text.length >= 1 && b.text.text.length <= 3000,
          `${at}: section text ${b.text.text.length} not in 1..3000`,
        );
        total += b.text.text.length;
      }
      check((b.fields?.length ?? 0) <= 10, `${at}: ${b.fields?.length} fields > 10`);
      for (const f of b.fields ?? []) {
        check(f.text.length <= 2000, `${at}: field ${f.text.length} > 2000`);
        total += f.text.length;
      }
    }
    if (b.type === "context") {
      check(
        b.elements.length >= 1 && b.elements.length <= 10,
        `${at}: ${b.elements.length} context elements not in 1..10`,
      );
      for (const e of b.elements)
        if ("text" in e) {
          const t = (e as { text: string }).text;
          check(t.length <= 3000, `${at}: context text ${t.length} > 3000`);
          total += t.length;
        }
    }
    if (b.type === "actions") {
      check(
        b.elements.length >= 1 && b.elements.length <= 25,
        `${at}: ${b.elements.length} actions not in 1..25`,
      );
      for (const e of b.elements) {
        if (e.type !== "button") continue;
        check(e.text.text.length <= 75, `${at}: button text ${e.text.text.length} > 75`);
        check((e.action_id ?? "").length <= 255, `${at}: action_id over 255`);
        check((e.value ?? "").length <= 2000, `${at}: button value over 2000`);
      }
    }
  });
  if (where === "message") check(total <= 12000, `message text ${total} > 12000`);
  return problems;
}
