# The umr-graph API, for docker-compose.yml (Neo4j runs in its own container there, so the
# image needs no JDK: NEO4J_URI is always set).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json README.md schema.graphql ./
COPY src ./src
COPY scripts ./scripts
COPY web ./web
# The server, then the explorer (web/ → dist/web, no CDN at run time); the build tools are dropped.
RUN npx tsc -p tsconfig.build.json && node scripts/web-build.mjs && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json schema.graphql ./
COPY cypher ./cypher
COPY schemas ./schemas
COPY demo ./demo
EXPOSE 4000
USER node
CMD ["node", "dist/src/main.js"]
