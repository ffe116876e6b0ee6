/** The seed documents the product's knowledge comes from, as rules and figures cite them. */
export const SEED = {
  s000: "seeds/000_fea6cffb62d7661a.txt",
  s001: "seeds/001_7239c6cfa953a15b.txt",
  s002: "seeds/002_621b9c29fee3ebe6.txt",
  s003: "seeds/003_b115a8f15225916a.txt",
  s004: "seeds/004_6527799eb7821511.txt",
} as const;
