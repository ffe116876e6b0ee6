import type { KnownBlock } from "@slack/types";

/**
 * Block Kit's documented limits, checked independently of the builders' own constants, so a
 * builder that drifts past a limit fails here rather than at Slack.
 * @see https://docs.slack.dev/reference/block-kit/blocks
 * @see https://docs.slack.dev/reference/block-kit/block-elements
 * @see https://docs.slack.dev/reference/views/modal-views
 */

type Check = (cond: boolean, msg: string) => void;
type Loose = Record<string, unknown>;

const text = (v: unknown): { type?: unknown; text?: unknown } | undefined =>
  v && typeof v === "object" ? (v as { type?: unknown; text?: unknown }) : undefined;
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** A plain_text object with 1..max characters (`optional`: may be absent). */
function plainText(check: Check, v: unknown, max: number, what: string, optional = false) {
  if (v === undefined && optional) return;
  const t = text(v);
  check(t?.type === "plain_text", `${what} must be plain_text`);
  const n = str(t?.text).length;
  check(n >= 1 && n <= max, `${what} ${n} not in 1..${max}`);
}

/** Elements an input block may hold. */
const INPUT_ELEMENTS = new Set([
  "plain_text_input",
  "number_input",
  "email_text_input",
  "url_text_input",
  "rich_text_input",
  "static_select",
  "multi_static_select",
  "external_select",
  "multi_external_select",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "multi_conversations_select",
  "channels_select",
  "multi_channels_select",
  "checkboxes",
  "radio_buttons",
  "datepicker",
  "timepicker",
  "datetimepicker",
  "file_input",
]);

/** An interactive element: action_id, button text and value, placeholders, options. */
function elementProblems(check: Check, e: Loose, at: string) {
  check(str(e.action_id).length <= 255, `${at}: action_id over 255`);
  if (e.type === "button") {
    plainText(check, e.text, 75, `${at}: button text`);
    check(str(e.value).length <= 2000, `${at}: button value over 2000`);
    check(str(e.url).length <= 3000, `${at}: button url over 3000`);
  }
  plainText(check, e.placeholder, 150, `${at}: placeholder`, true);
  const options = Array.isArray(e.options) ? (e.options as Loose[]) : null;
  if (options) {
    const max = e.type === "checkboxes" || e.type === "radio_buttons" ? 10 : 100;
    check(options.length >= 1 && options.length <= max, `${at}: ${options.length} options not in 1..${max}`);
    for (const o of options) {
      const t = text(o.text);
      const n = str(t?.text).length;
      check(n >= 1 && n <= 75, `${at}: option text ${n} not in 1..75`);
      check(str(o.value).length <= 150, `${at}: option value over 150`);
    }
  }
  if (e.type === "plain_text_input")
    check(
      e.max_length === undefined || (Number(e.max_length) >= 1 && Number(e.max_length) <= 3000),
      `${at}: max_length not in 1..3000`,
    );
}

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
  const check: Check = (cond, msg) => {
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
      plainText(check, b.text, 150, `${at}: header`);
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
      if (b.accessory) elementProblems(check, b.accessory as unknown as Loose, `${at} accessory`);
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
      for (const e of b.elements) elementProblems(check, e as unknown as Loose, at);
    }
    if (b.type === "input") {
      plainText(check, b.label, 2000, `${at}: label`);
      plainText(check, b.hint, 2000, `${at}: hint`, true);
      const e = b.element as unknown as Loose;
      check(INPUT_ELEMENTS.has(str(e.type)), `${at}: ${str(e.type)} cannot be an input's element`);
      elementProblems(check, e, at);
    }
  });
  if (where === "message") check(total <= 12000, `message text ${total} > 12000`);
  return problems;
}

/** A modal or Home tab: its own fields (title, buttons, metadata) and its blocks. */
export function viewProblems(view: Loose): string[] {
  const problems: string[] = [];
  const check: Check = (cond, msg) => {
    if (!cond) problems.push(msg);
  };
  const blocks = Array.isArray(view.blocks) ? (view.blocks as KnownBlock[]) : null;
  check(blocks !== null, "view without blocks");
  check(
    view.type === "modal" || view.type === "home",
    `view type ${str(view.type)} is neither modal nor home`,
  );
  check(str(view.private_metadata).length <= 3000, "private_metadata over 3000");
  check(str(view.callback_id).length <= 255, "callback_id over 255");
  if (view.type === "modal") {
    plainText(check, view.title, 24, "modal title");
    plainText(check, view.submit, 24, "modal submit", true);
    plainText(check, view.close, 24, "modal close", true);
    // A modal with inputs needs a submit button to send them.
    if (blocks?.some((b) => b.type === "input"))
      check(view.submit !== undefined, "modal with inputs has no submit");
  }
  return [...problems, ...blockKitProblems(blocks ?? [], "view")];
}
