# syntax=docker/dockerfile:1
# Two stages: the build stage has the whole workspace and its dev dependencies and runs the same release script
# the tests try (scripts/buildRelease.mjs); the runtime stage gets only that script's output: the server as
# JavaScript, the built web app and production dependencies. No TypeScript, tsx, tests or bench at runtime.
FROM node:24-bookworm-slim AS build

WORKDIR /app

# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
COPY tests/package.json tests/
COPY bench/package.json bench/
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
    npx -y pnpm@10 install --frozen-lockfile

COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
    node scripts/buildRelease.mjs /release

FROM node:24-bookworm-slim AS runtime

# Files stay owned by root; the server runs as the unprivileged `node` user and only reads them.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build /release ./
USER node
EXPOSE 3000
CMD ["node", "server/dist/main.js"]
