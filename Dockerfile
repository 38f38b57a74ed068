# One image for every service of Moukawil Graph; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json ./
COPY kit/package.json kit/
COPY gateway/package.json gateway/
COPY scripts/package.json scripts/
COPY subgraphs/regions/package.json subgraphs/regions/
COPY subgraphs/registry/package.json subgraphs/registry/
COPY subgraphs/programs/package.json subgraphs/programs/
COPY subgraphs/indicators/package.json subgraphs/indicators/
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["node", "gateway/dist/main.js"]
