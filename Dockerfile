# syntax=docker/dockerfile:1
# Node 26 became the Active LTS line on 2026-10-28; the code also runs on ^20.19, ^22.13 and 24 (package.json engines).
ARG NODE_VERSION=26

FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3978
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
# PGlite's files, saved charts: keep them on a volume (or set DATABASE_URL and use PostgreSQL).
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3978
# The service's check: the console (`docker run -it` without credentials) serves no HTTP, so there it reads unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Starts Slack, Teams or both, whichever is configured (see README); with neither, the console when run
# with -it, else it exits 1 naming the variables to set. SIGTERM: stopped within SHUTDOWN_GRACE_MS + 2 s.
# The CLI is `node bin/llm-advise.js`.
CMD ["node", "dist/main.js"]
