#!/bin/sh
# Starts a throw-away PostgreSQL on 127.0.0.1 for `bench postgres` (docs/BENCHMARKS.md).
#   bench/postgres.sh start DIR [PORT]   initdb in DIR (first time), start, create database «soko»
#   bench/postgres.sh stop DIR
# Installs the Debian packages when the server binaries are missing. Runs the server as the
# unprivileged user «sokobench» (initdb refuses root). Settings sized for a 2-core, 2 GB share.
set -eu
cmd=${1:?start|stop}; dir=${2:?data folder}; port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
run() { if [ "$(id -u)" = 0 ]; then runuser -u sokobench -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ] && ! id sokobench >/dev/null 2>&1; then useradd --system --no-create-home sokobench; fi
mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then chown sokobench "$dir"; fi
case "$cmd" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      run "$bin/initdb" -D "$dir" -U sokobench --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
      cat >> "$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
shared_buffers = 512MB
work_mem = 32MB
maintenance_work_mem = 512MB
effective_cache_size = 2GB
max_parallel_workers_per_gather = 2
synchronous_commit = on
CONF
    fi
    run "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w start >/dev/null
    run "$bin/psql" -h 127.0.0.1 -p "$port" -U sokobench -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='soko'" | grep -q 1 \
      || run "$bin/createdb" -h 127.0.0.1 -p "$port" -U sokobench soko
    echo "jdbc:postgresql://127.0.0.1:$port/soko?user=sokobench"
    ;;
  stop)
    run "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null && echo stopped
    ;;
esac
