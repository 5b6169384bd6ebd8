#!/usr/bin/env bash
# Attention Atlas launcher: every command goes to one main class, org.attentionatlas.jobs.cli.AtlasCommand.
# The Spark jobs (audit, bias, align, importance, agreement) go through spark-submit when SPARK_HOME is set, else through
# org.apache.spark.deploy.SparkSubmit from the Maven jars (embedded local master); the other commands, and any --help,
# run on a plain JVM. `./submit.sh` lists the commands; `./submit.sh COMMAND --help` lists a command's options.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB="$ROOT/jobs/target/lib"
JAR="$(ls "$ROOT"/jobs/target/atlas-jobs-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n 1 || true)"
MAIN=org.attentionatlas.jobs.cli.AtlasCommand

if [ -z "$JAR" ] || [ ! -d "$LIB" ]; then
  echo "error: the project is not built; run: mvn -B -DskipTests install" >&2
  exit 2
fi

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export DJL_OFFLINE=true
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$ROOT/target/djl-cache}"
MODELS_DIR="${ATLAS_MODELS_DIR:-$ROOT/models}"

# the JVM flags Spark needs, written once in conf/jvm-flags (shared with the Maven tests)
SPARK_JVM_FLAGS="$(sed -e 's/#.*//' "$ROOT/conf/jvm-flags" | xargs)"
JVM_OPTS="-Xss4m -Djava.awt.headless=true -Dai.djl.offline=true -Datlas.models.dir=$MODELS_DIR -Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties ${ATLAS_JAVA_OPTS:-}"
CP="$JAR:$LIB/*"

run_java() {  # ARGS...
  # shellcheck disable=SC2086
  exec java $JVM_OPTS $SPARK_JVM_FLAGS -cp "$CP" "$MAIN" "$@"
}

run_spark() {  # COMMAND ARGS... ; --master URL among the args picks the master
  local master="local[*]" args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --master) if [ $# -ge 2 ]; then master="$2"; shift 2; else args+=("$1"); shift; fi ;;
      --master=*) master="${1#--master=}"; shift ;;
      *) args+=("$1"); shift ;;
    esac
  done
  local conf=(--conf "spark.driver.extraJavaOptions=$JVM_OPTS $SPARK_JVM_FLAGS"
              --conf "spark.executor.extraJavaOptions=$JVM_OPTS $SPARK_JVM_FLAGS"
              --conf "spark.executorEnv.DJL_OFFLINE=true" --conf "spark.executorEnv.DJL_CACHE_DIR=$DJL_CACHE_DIR")
  if [ -n "${SPARK_HOME:-}" ]; then
    local jars; jars="$(ls "$LIB"/*.jar | grep -v -e '/spark-' -e '/scala-' | paste -sd, -)"
    exec "$SPARK_HOME/bin/spark-submit" --master "$master" --class "$MAIN" --jars "$jars" "${conf[@]}" "$JAR" "${args[@]}"
  fi
  # shellcheck disable=SC2086
  exec java $JVM_OPTS $SPARK_JVM_FLAGS -cp "$CP" org.apache.spark.deploy.SparkSubmit \
    --master "$master" --class "$MAIN" "${conf[@]}" "$JAR" "${args[@]}"
}

for arg in "$@"; do
  case "$arg" in -h|--help|-V|--version) run_java "$@" ;; esac
done
# The web server's heap: its inference cache (--cache-mb, default 1024) plus working room, so the process' memory
# has a bound (docs/web.md § Memory); ATLAS_JAVA_OPTS=-Xmx... overrides it.
server_heap() {
  local cache=1024 prev=""
  for a in "$@"; do
    case "$a" in --cache-mb=*) cache="${a#--cache-mb=}" ;; esac
    [ "$prev" = "--cache-mb" ] && cache="$a"
    prev="$a"
  done
  case "$cache" in ''|*[!0-9]*) cache=1024 ;; esac  # a bad value is reported by the command itself
  case "${ATLAS_JAVA_OPTS:-}" in *-Xmx*) ;; *) JVM_OPTS="$JVM_OPTS -Xmx$((cache + 576))m" ;; esac
}

case "${1:-}" in
  audit|bias|align|importance|agreement) run_spark "$@" ;;
  serve|bench-server) server_heap "$@"; run_java "$@" ;;
  *) run_java "$@" ;;
esac
