/** The Slack surface: what src/main.ts and the digest scheduler use. */
export { WEB_API_SCOPES } from "./api.js";
export { createSlackDigestPoster, DIGEST_EVENT_TYPE, SlackDigestPoster } from "./digest-poster.js";
export { SLASH_COMMAND } from "./listeners/commands/index.js";
export { createSlackSurface, type SlackSurface, type SlackSurfaceOptions } from "./surface.js";
