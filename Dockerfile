# The CISO-netwerk bot as a container image: non-root, its data in the /data volume,
# dependencies exactly as in requirements.lock (hash-checked). See README, "Container".
#   docker build -t ciso-bot .
#   docker run --env-file .env -v ciso-bot-data:/data -p 3000:3000 -p 9102:9102 ciso-bot
# For PostgreSQL: --build-arg LOCK=requirements-postgres.lock (the same, and psycopg).
FROM python:3.12-slim AS build
ARG LOCK=requirements.lock
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /opt/ciso-bot
COPY ${LOCK} ./requirements.lock
RUN python -m venv .venv \
 && .venv/bin/pip install --require-hashes -r requirements.lock
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
RUN .venv/bin/pip install --no-deps . && rm -rf build *.egg-info

FROM python:3.12-slim
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin ciso-bot \
 && mkdir /data && chown ciso-bot:ciso-bot /data && chmod 0700 /data
COPY --from=build /opt/ciso-bot/.venv /opt/ciso-bot/.venv
# STATE_DIRECTORY: the default database is /data/ciso-bot.sqlite3, backups /data/backups.
ENV PATH=/opt/ciso-bot/.venv/bin:$PATH \
    STATE_DIRECTORY=/data \
    PYTHONUNBUFFERED=1 \
    LOG_FORMAT=json
VOLUME /data
WORKDIR /data
USER ciso-bot
# 3000: Slack's Events API or Mattermost's callbacks. 9102: /health and /metrics only.
EXPOSE 3000 9102
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request as u; sys.exit(u.urlopen('http://127.0.0.1:9102/health', timeout=4).status != 200)"]
# SIGTERM: no new requests, acknowledged work finished within 25 s.
STOPSIGNAL SIGTERM
ENTRYPOINT ["ciso-bot"]
CMD ["run", "--host", "0.0.0.0", "--port", "3000", "--health-port", "9102"]
