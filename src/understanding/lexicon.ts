/**
 * Words that carry no fact on their own: pronouns, articles, question words, politeness and the
 * words of the question itself ("should we self-host this model?"). A leftover run made only of
 * these is not reported. Negators (no, not, without, never) are not filler: a negation nothing
 * used is reported, never dropped.
 */
const FILLER = new Set(
  `a an the this that these those it its it's there here
  i me my we us our ours you your they them their i'm we're we've we'd you're they're
  is are was were be been being am do does did done have has had having get got getting
  will would shall should can could may might must need needs needed want wants wanted like
  what what's which who whom whose when where why how how's whether if then than so
  and or but nor also plus too either both all any some each every per via
  on in at to for of with from into onto by about around over under up out off as
  today now currently current right really just only still already yet soon
  please thanks thank hi hello hey ok okay yes sure well anymore
  use uses used using run runs running go going pick choose choosing select decide deciding
  recommend recommendation recommendations advice advise suggest suggestion help
  best better good great fine cheap cheaper cheapest cost costs costing price prices pricing
  much many more less most lot lots very quite rather roughly approximately approx about avg average
  model models llm llms ai option options setup set-up solution approach way
  self-host self-hosted self-hosting selfhost host hosted hosting deploy deploying deployment
  api apis provider providers vendor local locally cloud open-source proprietary
  instead switch switching move moving migrate migrating stay keep staying consider considering
  compare compared comparing comparison vs vs. versus against between difference alongside add
  case cases question think thinking something anything else ever
  what-if whatif request requests break-even breakeven tco worth worthwhile
  process processing handle handling build building serve serving send sending expect expecting
  plan planning look looking make makes making
  total overall roughly maybe perhaps probably
  it'd that's there's let's lets let`.split(/\s+/),
);

/** Words trimmed from the ends of a reported fragment ("and a blue logo" → "blue logo"). */
const CONNECTORS = new Set(
  "a an the and or but so also plus then too just only please what which how if".split(" "),
);

export const isFiller = (word: string): boolean => FILLER.has(word) || /^[^\p{L}\p{N}]+$/u.test(word);
export const isConnector = (word: string): boolean => CONNECTORS.has(word);
