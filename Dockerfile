# syntax=docker/dockerfile:1
FROM node:20-bookworm-slim

RUN npm install -g pnpm@10

WORKDIR /app

# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
COPY tests/package.json tests/
COPY bench/package.json bench/
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
    pnpm install --frozen-lockfile

COPY . .
RUN pnpm --filter @runde/web build

# Files stay owned by root; the server runs as the unprivileged `node` user and only reads them.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
USER node
EXPOSE 3000
CMD ["server/node_modules/.bin/tsx", "server/src/main.ts"]
