/** The Teams surface's public face, for src/main.ts and the digest scheduler. */
export { TeamsDigestPoster, type TeamsDigestPosterDeps } from "./digest-poster.js";
export { TeamsError, type TeamsErrorCode } from "./errors.js";
export { createTeamsSurface, TEAMS_ROUTE, type TeamsSurface, type TeamsSurfaceConfig } from "./server.js";
