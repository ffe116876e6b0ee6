/** DESIGN.md's dependency rule, enforced: the arrows in "The flow of one question" point one way. */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment:
        "src/domain imports only itself, zod, the price catalog package, decimal.js (exact money arithmetic) and fastest-levenshtein (edit distance for 'did you mean'; pure, no I/O, no dependencies, and the house rule prefers a kept library to hand-written generic code): no SDK, no I/O, no other src folder.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: {
        pathNot: [
          "^src/domain/",
          "node_modules/zod/",
          "node_modules/@pydantic/genai-prices/",
          "node_modules/decimal\\.js/",
          "node_modules/fastest-levenshtein/",
        ],
      },
    },
    {
      name: "render-reads-domain-only",
      severity: "error",
      from: { path: "^src/render/" },
      to: { path: "^src/(understanding|phrasing|store|digest|channels|cli)/" },
    },
    {
      name: "understanding-does-not-reach-edges",
      severity: "error",
      from: { path: "^src/understanding/" },
      to: { path: "^src/(render|store|digest|channels|cli)/" },
    },
    {
      name: "conversation-below-the-edges",
      comment: "The conversation turn is shared by every surface; it knows none of them.",
      severity: "error",
      from: { path: "^src/conversation/" },
      to: { path: "^src/(channels|cli|digest)/" },
    },
    {
      name: "store-and-phrasing-below-conversation",
      severity: "error",
      from: { path: "^src/(store|phrasing|understanding|render)/" },
      to: { path: "^src/(conversation|channels|cli|digest)/" },
    },
    {
      name: "digest-below-the-edges",
      comment:
        "DESIGN: digest/ uses domain, store and render; understanding too, for the question a subscription may name ('digest weekly … for 2M requests a month'). It knows no surface, phrasing or conversation.",
      severity: "error",
      from: { path: "^src/digest/" },
      to: { path: "^src/(channels|cli|conversation|phrasing)/" },
    },
    {
      name: "no-edge-to-edge",
      comment: "Slack, Teams and the CLI are independent edges.",
      severity: "error",
      from: { path: "^src/channels/slack/" },
      to: { path: "^src/(channels/teams|cli)/" },
    },
    {
      name: "botbuilder-stays-in-teams",
      comment: "Moving to the Microsoft 365 Agents SDK must touch only src/channels/teams.",
      severity: "error",
      from: { pathNot: "^src/channels/teams/" },
      // The Bot Framework's own packages too (botframework-connector, -schema, -streaming).
      to: { path: "node_modules/(botbuilder|botframework-)" },
    },
    {
      name: "only-config-reads-env",
      comment:
        "src/config.ts is the only reader of process.env (checked by a test, since env is not an import).",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^src/main\\.ts$" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
