import type { ProfileField } from "../domain/profile.js";
import type { Fact } from "./reading.js";
import type { FactValue } from "./types.js";

/**
 * Phrases that state a need, as data: each pattern and the facts it sets. Rules run in order and
 * a phrase read by one rule is not read again, so negations ("no ML team") come before the phrases
 * they contain ("ML team"), and specific use cases before the catch-all "assistant".
 */
export interface NeedRule {
  pattern: string;
  facts: ReadonlyArray<{ field: ProfileField; value: FactValue } & Pick<Fact, "op" | "strength" | "rank">>;
}

const set = (field: ProfileField, value: FactValue, extra: Pick<Fact, "strength" | "rank"> = {}) => ({
  field,
  value,
  op: "set" as const,
  ...extra,
});

const COMPLIANCE_TERMS: ReadonlyArray<[string, string]> = [
  [
    "hipaa",
    String.raw`hipaa|phi(?![\w-])|protected\s+health\s+information|health(?:care)?\s+(?:data|records?|information)|medical\s+(?:records?|data|information)|patient\s+(?:data|records?|information)|ehr`,
  ],
  ["gdpr", String.raw`gdpr|general\s+data\s+protection(?:\s+regulation)?`],
  ["sox", String.raw`sox|sarbanes[\s-]*oxley`],
  [
    "government",
    String.raw`fedramp|gov\s?cloud|public[\s-]sector|government(?:\s+(?:contracts?|agenc(?:y|ies)|clients?|customers?|work|data|use))?|federal\s+(?:agenc(?:y|ies)|government|contracts?)|itar|cjis`,
  ],
  [
    "data-sovereignty",
    String.raw`data\s+(?:sovereignty|residency|locali[sz]ation)|(?:sovereign|in[\s-]country)\s+data|(?:data|it|everything)\s+(?:must|has\s+to|needs?\s+to|should|shall|cannot|can't|can\s+not|must\s+not|may\s+not)\s+(?:stay|remain|be\s+kept|be\s+stored|be\s+hosted|leave)\s+(?:(?:in(?:side)?|within|outside)\s+)?(?:the\s+|our\s+)?(?:eu|europe|european\s+union|country|uk|us|region|germany|france|canada|switzerland|australia|india|japan|network|premises|borders?)|eu[\s-]only|(?:stay|hosted|stored)\s+in\s+the\s+eu`,
  ],
  [
    "air-gapped",
    String.raw`air[\s-]?gapped|air[\s-]gap|no\s+internet(?:\s+(?:access|connection|connectivity))?|without\s+(?:any\s+)?internet(?:\s+access)?|offline(?:\s+(?:operation|environment|only|deployment|mode|use))?|disconnected\s+(?:network|environment|site)|isolated\s+network`,
  ],
];

const complianceRules = (): NeedRule[] => {
  const removals: NeedRule[] = COMPLIANCE_TERMS.map(([value, p]) => ({
    pattern: String.raw`(?:drop(?:ping)?|remove|without|no|minus|forget(?:\s+about)?|skip|exclude|ignore|not|no\s+longer\s+(?:need|have|require|under)|don't\s+need|do\s+not\s+need|doesn't\s+need|isn't|not\s+subject\s+to)\s+(?:the\s+|any\s+)?(?:${p})(?:\s+(?:requirements?|compliance|needs?))?(?![\w])`,
    facts: [{ field: "compliance", value, op: "remove" }],
  }));
  return [
    {
      pattern: String.raw`no\s+(?:special\s+|particular\s+|specific\s+|real\s+|strict\s+|other\s+)?(?:compliance|regulatory|privacy)(?:\s+(?:needs?|requirements?|constraints?|concerns?|issues?|rules?))?|(?:compliance|regulation)\s+(?:is\s+)?(?:not\s+(?:an?\s+)?(?:issue|concern|needed|required|a\s+factor)|doesn't\s+matter)|not\s+regulated|unregulated`,
      facts: [{ field: "compliance", value: [], op: "set" }],
    },
    ...removals,
    ...COMPLIANCE_TERMS.map(([value, p]) => ({
      pattern: String.raw`(?:${p})(?:[\s-]+(?:compliance|compliant|requirements?|rules?|regulated|data))?(?![\w])`,
      facts: [{ field: "compliance" as const, value, op: "add" as const }],
    })),
  ];
};

const TEAM_RANK = { none: 0, "small-devops": 1, "ml-team": 2 } as const;
const team = (value: keyof typeof TEAM_RANK) => set("team", value, { rank: TEAM_RANK[value] });
const ML = String.raw`(?:ml|machine[\s-]learning|mlops|ai\/ml|ai|data[\s-]science)`;
const OPS = String.raw`(?:devops|dev\s?ops|ops|sre|platform|infra(?:structure)?)`;

const teamRules: NeedRule[] = [
  {
    pattern: String.raw`no\s+(?:dedicated\s+|in[\s-]house\s+)?${ML}(?:\s+(?:or|\/|nor|and)\s+${OPS})?(?:\s+(?:team|engineers?|people|staff|expertise|experience|skills|resources))?|no\s+(?:dedicated\s+|in[\s-]house\s+)?${OPS}(?:\s+(?:or|\/|nor|and)\s+${ML})?(?:\s+(?:team|engineers?|people|staff|expertise|capacity|resources))?|(?:just|only)\s+(?:a\s+(?:few|couple\s+of|handful\s+of)\s+|\d+\s+|two\s+|three\s+|some\s+)?(?:developers|devs|(?:software|web|backend|full[\s-]stack)\s+(?:engineers|developers))|(?:one|a\s+single|a\s+solo|solo)\s+(?:developer|dev|engineer)|no\s+(?:dedicated\s+)?(?:engineering\s+)?team`,
    facts: [team("none")],
  },
  {
    pattern: String.raw`(?:(?:hired|hiring|have|has|got|built|with)\s+)?(?:an?\s+)?(?:(?:small|dedicated|in[\s-]house|strong|big|large|new)\s+)?(?:${ML}(?:\s+infra(?:structure)?)?\s+(?:team|engineers?|experts?|staff|people|group|department)|data\s+scientists?|ml\s+engineers?)`,
    facts: [team("ml-team")],
  },
  {
    pattern: String.raw`(?:(?:a\s+)?(?:small|tiny|little|lean)\s+${OPS}\s+(?:team|crew|group)|(?:a\s+)?(?:couple|few|pair|handful)\s+(?:of\s+)?${OPS}\s+(?:engineers?|people|folks|guys|devs)|(?:\d+|one|two|three|a)\s+${OPS}\s+(?:engineers?|people|folks)|${OPS}\s+(?:team|engineers?|people|folks))`,
    facts: [team("small-devops")],
  },
];

const CUSTOM_RANK = { none: 0, rag: 1, "fine-tuning": 2, "full-training": 3 } as const;
const custom = (value: keyof typeof CUSTOM_RANK) => set("customization", value, { rank: CUSTOM_RANK[value] });

const customizationRules: NeedRule[] = [
  {
    pattern: String.raw`no\s+(?:fine[\s-]?tuning|customi[sz]ation|custom\s+training|training)|(?:don't|do\s+not|won't|will\s+not)\s+(?:need\s+to\s+|want\s+to\s+)?(?:fine[\s-]?tune|train|customi[sz]e)|off[\s-]the[\s-]shelf`,
    facts: [custom("none")],
  },
  {
    pattern: String.raw`train(?:ing)?\s+(?:\w+\s+){0,3}from\s+scratch|from[\s-]scratch(?:\s+training)?|pre[\s-]?train(?:ing|ed)?(?:\s+(?:our|my|a)\s+own\s+(?:model|llm))?|full(?:\s+model)?\s+training|train\s+(?:our|my)\s+own\s+(?:model|llm|foundation\s+model)`,
    facts: [custom("full-training")],
  },
  {
    pattern: String.raw`fine[\s-]?tun(?:e|ed|es|ing)|finetun(?:e|ed|es|ing)|q?lora|peft|adapter\s+training|custom\s+training`,
    facts: [custom("fine-tuning")],
  },
  {
    pattern: String.raw`rag|retrieval[\s-]augmented(?:\s+generation)?`,
    facts: [custom("rag"), set("useCase", "rag", { strength: "weak" })],
  },
];

const quality = (value: string) => set("quality", value);
const qualityRules: NeedRule[] = [
  {
    pattern: String.raw`(?:[1-8]\d|9[0-4])(?:\.\d+)?\s*%\s*(?:accuracy|accurate)(?:\s+is\s+(?:fine|ok|okay|enough))?`,
    facts: [quality("general")],
  },
  {
    pattern: String.raw`(?:9[5-9](?:\.\d+)?|100)\s*%\s*\+?\s*(?:accuracy|accurate|precision|correct)|(?:accuracy|precision)\s+(?:of\s+|above\s+|over\s+|>=?\s*|at\s+least\s+|needs\s+to\s+be\s+)?(?:9[5-9](?:\.\d+)?|100)\s*%\s*\+?|9[5-9](?:\.\d+)?\s*%\s*\+|(?:very\s+|extremely\s+)?high(?:est)?[\s-]+(?:accuracy|precision)|highly\s+accurate|accuracy\s+is\s+(?:critical|crucial|key|paramount|essential|everything)|(?:must|needs?\s+to)\s+be\s+(?:very\s+)?accurate`,
    facts: [quality("high-accuracy")],
  },
  {
    pattern: String.raw`domain[\s-]specific|domain\s+(?:expert(?:ise)?|knowledge|precision)|expert[\s-]level(?:\s+precision)?|legal|law\s+firm|medical|clinical|scientific|speciali[sz]ed\s+(?:domain|knowledge|field)|niche\s+domain`,
    facts: [quality("domain-precision")],
  },
  {
    pattern: String.raw`general[\s-]+(?:purpose\s+)?reasoning|general[\s-]purpose|general\s+knowledge`,
    facts: [quality("general")],
  },
];

const latency = (value: string) => set("latency", value);
const useCase = (value: string, extra: Pick<Fact, "strength"> = {}) => set("useCase", value, extra);

/** What is summarized or classified, read with the verb so it is not reported as unused. */
const OBJECT = String.raw`(?:\s+(?:our\s+|the\s+|all\s+|incoming\s+|customer\s+|support\s+){0,2}(?:documents?|docs|articles|reports?|emails?|transcripts?|meetings?|calls|tickets?|contracts?|pdfs|messages|reviews|notes|chats|conversations|feedback|requests|inquiries|queries))?`;

const useCaseAndLatencyRules: NeedRule[] = [
  {
    pattern: String.raw`voice\s+(?:assistant|agent|bot|ai|app|application|calls?|channel|interface|line)s?|voice[\s-]?bots?|phone\s+(?:calls?|line|bot|agent|assistant|support|system|ordering)|ivr|call[\s-]cent(?:er|re)s?(?:\s+agents?)?|contact[\s-]cent(?:er|re)s?|telephony|twilio|speech[\s-]to[\s-]text|voice`,
    facts: [useCase("voice")],
  },
  {
    pattern: String.raw`embeddings?|vector\s+(?:search|database|db|store)|semantic\s+search|similarity\s+search|vectori[sz](?:e|ing|ation)`,
    facts: [useCase("embeddings")],
  },
  {
    pattern: String.raw`vision|images?|multi[\s-]?modal|ocr|screenshots?|photos?|pictures?|scanned\s+(?:documents|pdfs|receipts|forms)`,
    facts: [useCase("vision")],
  },
  {
    pattern: String.raw`code\s+(?:generation|completion|review|assistant|gen)|coding(?:\s+assistant)?|copilot|codegen|generat(?:e|ing)\s+code|writ(?:e|ing)\s+code|programming\s+assistant|code`,
    facts: [useCase("code")],
  },
  {
    pattern: `(?:summari[sz](?:e|es|ed|ing|ation|ations|er)|summary|summaries|tl;?dr)${OBJECT}`,
    facts: [useCase("summarization")],
  },
  {
    pattern: String.raw`(?:intent\s+)?(?:classif(?:y|ies|ied|ication|ier|ying)|categori[sz](?:e|es|ing)|tag(?:ging)?|rout(?:e|es|ing))${OBJECT}|intent\s+(?:recognition|detection|classification)|(?:(?:support\s+)?tickets?|emails?|messages?|requests?)\s+(?:routing|classification|triage|tagging)|routing|rout(?:e|es)\s+(?:tickets|messages|requests|emails)|tagging|tag\s+(?:tickets|messages)|categori[sz](?:e|es|ation|ing)|sentiment(?:\s+analysis)?|triage|labell?ing|moderation|spam\s+detection`,
    facts: [useCase("classification")],
  },
  {
    pattern: String.raw`q\s?&\s?a|q\s+and\s+a|question[\s-]answering|answer(?:ing)?\s+questions|knowledge[\s-]base|search\s+(?:over|across|through)\s+(?:our\s+|the\s+)?(?:docs|documents|documentation|files|pdfs|wiki)|document\s+search|(?:docs|documentation)\s+(?:search|assistant|bot)|internal\s+(?:docs|documentation|wiki)|retrieval`,
    facts: [useCase("rag")],
  },
  {
    pattern: String.raw`not\s+time[\s-]sensitive|time[\s-]insensitive|not\s+urgent|latency\s+(?:doesn't|does\s+not|don't|isn't)\s+(?:matter|important|a\s+concern)|(?:can|could)\s+wait|asynchronous|async|overnight`,
    facts: [latency("batch")],
  },
  {
    pattern: String.raw`batch(?:es)?(?:\s+(?:is|are)\s+(?:fine|ok|okay|good|enough))?|bulk|nightly`,
    facts: [latency("batch"), useCase("batch", { strength: "hint" })],
  },
  {
    pattern: String.raw`real[\s-]?time|sub[\s-]?second|under\s+(?:a|one|1)\s+second|(?:<|under|below)\s*\d+\s*ms|low[\s-]latency|latency[\s-](?:sensitive|critical)|agentic(?:\s+(?:workflows?|apps?|systems?|use))?|(?<!(?:human|support|service|sales)\s)agents?|instant(?:ly|aneous)?|live\s+(?:chat|conversations?)`,
    facts: [latency("real-time")],
  },
  {
    pattern: String.raw`interactive|users?\s+(?:are\s+)?wait(?:ing|s)?|(?:person|human)\s+waits|a\s+few\s+seconds\s+is\s+(?:fine|ok|okay)`,
    facts: [latency("interactive")],
  },
  {
    pattern: String.raw`chat[\s-]?bots?|chat|chatting|conversational(?:\s+ai)?|(?:(?:ai|virtual|customer|support|personal|digital|internal)\s+)?assistants?|support\s+bot|customer\s+(?:support|service)(?:\s+bot)?|(?:for\s+)?support|help[\s-]?desk|bots?|companion`,
    facts: [useCase("chat", { strength: "weak" })],
  },
];

const lifecycleRules: NeedRule[] = [
  {
    pattern: String.raw`(?:forced\s+)?(?:migrations?|model\s+(?:updates?|changes?))\s+(?:are|is)\s+(?:fine|ok|okay|acceptable)|(?:can|could)\s+tolerate\s+(?:forced\s+)?(?:migrations?|model\s+(?:updates?|changes?))|don't\s+(?:care|mind)\s+(?:about\s+)?(?:model\s+)?(?:updates?|versions?|migrations?)`,
    facts: [set("lifecycleControl", false)],
  },
  {
    pattern: String.raw`pin(?:ned|ning)?\s+(?:the\s+|our\s+)?(?:model\s+)?(?:versions?|models?|weights)|version\s+pinning|(?:avoid|no|prevent|without)\s+forced\s+(?:model\s+)?(?:migrations?|upgrades?|updates?)|control\s+(?:over\s+)?(?:the\s+)?(?:model\s+)?(?:updates?|lifecycle|versions?|versioning|upgrades?)|no\s+surprise\s+(?:model\s+)?(?:changes?|updates?|upgrades?)|(?:can't|cannot|can\s+not)\s+(?:afford|tolerate)\s+(?:forced\s+)?(?:migrations?|model\s+changes?)|(?:stable|fixed|frozen)\s+model\s+versions?|own\s+the\s+(?:model\s+)?weights|deprecations?\s+(?:are|is)\s+a\s+(?:problem|risk|concern)`,
    facts: [set("lifecycleControl", true)],
  },
];

const cloud = (value: string) => set("cloud", value);
const cloudRules: NeedRule[] = [
  {
    pattern: String.raw`on[\s-]?prem(?:ise|ises)?|on\s+(?:our\s+)?own\s+(?:servers|hardware|infrastructure|machines|data\s*cent(?:er|re)s?)|(?:our|in[\s-]house)\s+(?:own\s+)?(?:servers|hardware|data\s*cent(?:er|re)s?|datacent(?:er|re)s?|bare\s+metal)|data\s*cent(?:er|re)|colo(?:cation)?|bare[\s-]metal`,
    facts: [cloud("on-prem")],
  },
  { pattern: String.raw`aws|amazon(?:\s+web\s+services)?|sagemaker|bedrock|ec2|eks`, facts: [cloud("aws")] },
  { pattern: String.raw`azure(?:\s+openai)?|microsoft\s+cloud`, facts: [cloud("azure")] },
  { pattern: String.raw`gcp|google\s+cloud(?:\s+platform)?|vertex(?:\s+ai)?|gke`, facts: [cloud("gcp")] },
];

/** Read first: "offline processing" is a batch workload, not an air-gapped site. */
const batchWorkloadRule: NeedRule = {
  pattern: String.raw`(?:batch|bulk|offline|nightly|overnight)\s+(?:processing|jobs?|workloads?|pipelines?|runs?|api|analysis|inference)|process(?:ing)?\s+(?:\w+\s+){0,2}in\s+(?:batch(?:es)?|bulk)`,
  facts: [set("useCase", "batch"), set("latency", "batch")],
};

/** Every rule, in the order they read the text. */
export const NEED_RULES: readonly NeedRule[] = [
  batchWorkloadRule,
  ...complianceRules(),
  ...teamRules,
  ...customizationRules,
  ...qualityRules,
  ...lifecycleRules,
  ...useCaseAndLatencyRules,
  ...cloudRules,
];
