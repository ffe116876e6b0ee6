import { describe, expect, it } from "vitest";
import { advise } from "../domain/advise.js";
import { buildCatalog } from "../domain/catalog/catalog.js";
import { answerView } from "./answer-view.js";
import { understoodLines } from "./concept.js";
import { adviceJson } from "./json.js";
import { adviceMarkdown } from "./markdown.js";

const TODAY = "2026-12-05";
const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });

function view() {
  const r = advise({ requestsPerMonth: 2_000_000 }, catalog, { today: TODAY });
  if (!r.ok) throw new Error("advise failed");
  return answerView(adviceJson(r.value));
}

describe("adviceMarkdown", () => {
  const read = understoodLines(
    [{ field: "requestsPerMonth", value: 2_000_000, text: "2M requests a month" }],
    ["gpt-9-ultra (unknown model)"],
    "markdown",
  );
  const md = adviceMarkdown(view(), { lead: "**Summary:** an answer.", read });

  it("puts the summary and what was read under the heading, before the options and the footer", () => {
    const at = (s: string) => md.indexOf(s);
    expect(at("## ")).toBe(0);
    expect(at("**Summary:**")).toBeLessThan(at("**I read:**"));
    expect(at("**I could not use:**")).toBeLessThan(at("| # | Deployment"));
    expect(at("| # | Deployment")).toBeLessThan(at("_Horizon "));
  });

  it("separates each block with a blank line, so CommonMark starts a new paragraph", () => {
    expect(md).toContain(
      '**I read:**\n\n- "2M requests a month" → requestsPerMonth = 2000000\n\n**I could not use:**\n\n- gpt-9-ultra (unknown model)\n\n| # |',
    );
  });

  it("without extras is the answer alone, heading then table", () => {
    expect(adviceMarkdown(view())).toMatch(/^## [^\n]+\n\n\| # \| Deployment/);
  });
});
