import { formatCompact, formatUsd } from "../../domain/format.js";
import type { ChartInput } from "../../render/chart.js";
import { type CardElement, card } from "../../render/teams/answer-card.js";
import type { Outgoing } from "./messages.js";

/**
 * The break-even chart for Teams: an inline PNG (a base64 data URL, since an Adaptive Card's 28 KB
 * cannot hold it) when the message stays under Teams' size limit, else its figures as a card.
 * @see https://learn.microsoft.com/microsoftteams/platform/bots/how-to/agents-inline-images
 */

/** Teams refuses a bot message over about 100 KB, envelope included; the SDK's envelope needs some room. */
export const TEAMS_MESSAGE_MAX_BYTES = 100 * 1024;
export const CHART_MESSAGE_BUDGET_BYTES = 90 * 1024;

/** The bytes of the message activity an image Outgoing becomes (reply.ts's toActivity). */
export function imageMessageBytes(out: Extract<Outgoing, { kind: "image" }>): number {
  const base64Bytes = 4 * Math.ceil(out.png.byteLength / 3);
  const rest = JSON.stringify({
    type: "message",
    text: out.text,
    textFormat: "markdown",
    attachments: [{ contentType: "image/png", contentUrl: "data:image/png;base64,", name: out.name }],
  });
  return Buffer.byteLength(rest, "utf8") + base64Bytes;
}

/** The chart's figures as a card: one line per volume, the break-even and today's volume marked. */
function chartFiguresCard(input: ChartInput): Outgoing {
  const text = (t: string, extra: CardElement = {}): CardElement => ({
    type: "TextBlock",
    text: t,
    wrap: true,
    ...extra,
  });
  const facts = input.points.map((p) => {
    const marks = [
      p.requestsPerMonth === input.currentRequests ? "today" : null,
      p.requestsPerMonth === input.breakEvenRequests ? "break-even" : null,
    ].filter((m): m is string => m !== null);
    return {
      title: `${formatCompact(p.requestsPerMonth)} a month${marks.length > 0 ? ` (${marks.join(", ")})` : ""}`,
      value: `${input.apiLabel} ${formatUsd(p.apiUsd)} · ${input.selfHostedLabel} ${formatUsd(p.selfHostedUsd)}`,
    };
  });
  const c = card(
    [
      text(`**${input.title}**`, { weight: "Bolder" }),
      text("The chart is too large for a Teams message; these are the figures it draws.", {
        size: "Small",
        isSubtle: true,
      }),
      { type: "FactSet", facts },
      text(input.caption, { size: "Small", isSubtle: true }),
    ],
    undefined,
    `${input.title}: ${input.caption}`,
  );
  return { kind: "card", card: c };
}

/** The chart as an image message, or its figures (when the answer has them) if the image would pass `maxBytes`. */
export function chartOutgoing(
  chart: { title: string; png: Uint8Array; answerId: string; input: ChartInput | null },
  maxBytes = CHART_MESSAGE_BUDGET_BYTES,
): Outgoing {
  const image: Outgoing = {
    kind: "image",
    text: `**${chart.title}**`,
    png: chart.png,
    name: `break-even-${chart.answerId}.png`,
  };
  return imageMessageBytes(image) <= maxBytes || !chart.input ? image : chartFiguresCard(chart.input);
}
