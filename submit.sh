#!/usr/bin/env bash
# Attention Atlas launcher. Engine commands run on the JVM alone; Spark commands go through spark-submit when
# SPARK_HOME is set, else through org.apache.spark.deploy.SparkSubmit from the Maven jars (embedded local master).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB="$ROOT/jobs/target/lib"
JAR="$(ls "$ROOT"/jobs/target/atlas-jobs-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n 1 || true)"

usage() {
  cat >&2 <<'USAGE'
usage: ./submit.sh COMMAND [options]
  inspect      --model NAME_OR_DIR (--text TEXT | --input FILE) --json OUT.json
  fill-mask    --model NAME_OR_DIR --text "... [MASK] ..." [--top K] [--json OUT.json]
  audit        [--model NAME_OR_DIR] [--input PATH] [--output DIR] [--conf FILE] [--master URL]
  bias         --model NAME_OR_DIR --dataset winobias|winogender|crows-pairs|probes[,...] [--input PATH] --output DIR
               [--master URL] [--seed N] [--bootstrap N] [--permutations N] [--stats WINOGENDER_DIR]
  sql          --results DIR --query "SELECT ..."
  report       --results DIR --out REPORT_DIR [--compare OTHER_RESULTS_DIR] [--scale 2]
  bench-engine [--models minilm-l6,bert-base-uncased]     tokens/s vs the machine's matmul rate
  bench-memory [--model minilm-l6] [--passes 10000]        RSS over many forward passes
  bench-audit  [--input PATH]                              local[1] vs local[2] documents/s
  serve        [--port 8080] [--host 127.0.0.1] [--results DIR] [--models minilm-l6,...]   web page + JSON API
Model names: minilm-l6 (default), bge-small-zh, bert-base-uncased, mbert-cased, or a checkpoint folder.
USAGE
  exit 2
}

[ $# -ge 1 ] || usage
CMD="$1"; shift

if [ -z "$JAR" ] || [ ! -d "$LIB" ]; then
  echo "error: the project is not built; run: mvn -B -DskipTests install" >&2
  exit 2
fi

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export DJL_OFFLINE=true
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$ROOT/target/djl-cache}"
MODELS_DIR="${ATLAS_MODELS_DIR:-$ROOT/models}"

# Spark's own module flags (JavaModuleOptions); harmless on Java 17, needed by Spark 3.5.
SPARK_JVM_FLAGS="-XX:+IgnoreUnrecognizedVMOptions \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
--add-exports=java.base/sun.nio.ch=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false \
-Dio.netty.tryReflectionSetAccessible=true -Dio.netty.allocator.type=pooled --enable-native-access=ALL-UNNAMED"
JVM_OPTS="-Xss4m -Djava.awt.headless=true -Dai.djl.offline=true -Datlas.models.dir=$MODELS_DIR -Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties ${ATLAS_JAVA_OPTS:-}"
CP="$JAR:$LIB/*"

run_java() {  # MAIN_CLASS ARGS...
  # shellcheck disable=SC2086
  exec java $JVM_OPTS $SPARK_JVM_FLAGS -cp "$CP" "$@"
}

run_spark() {  # MAIN_CLASS ARGS... ; honours --master URL among the args
  local main="$1"; shift
  local master="local[*]" args=()
  while [ $# -gt 0 ]; do
    if [ "$1" = "--master" ] && [ $# -ge 2 ]; then master="$2"; shift 2; else args+=("$1"); shift; fi
  done
  local conf=(--conf "spark.driver.extraJavaOptions=$JVM_OPTS $SPARK_JVM_FLAGS"
              --conf "spark.executor.extraJavaOptions=$JVM_OPTS $SPARK_JVM_FLAGS"
              --conf "spark.executorEnv.DJL_OFFLINE=true" --conf "spark.executorEnv.DJL_CACHE_DIR=$DJL_CACHE_DIR")
  if [ -n "${SPARK_HOME:-}" ]; then
    local jars; jars="$(ls "$LIB"/*.jar | grep -v -e '/spark-' -e '/scala-' | paste -sd, -)"
    exec "$SPARK_HOME/bin/spark-submit" --master "$master" --class "$main" --jars "$jars" "${conf[@]}" "$JAR" "${args[@]}"
  fi
  # shellcheck disable=SC2086
  exec java $JVM_OPTS $SPARK_JVM_FLAGS -cp "$CP" org.apache.spark.deploy.SparkSubmit \
    --master "$master" --class "$main" "${conf[@]}" "$JAR" "${args[@]}"
}

case "$CMD" in
  inspect|fill-mask|bench-engine|bench-memory) run_java org.attentionatlas.engine.cli.EngineCli "$CMD" "$@" ;;
  audit)       run_spark org.attentionatlas.jobs.audit.AuditJob "$@" ;;
  bias)        run_spark org.attentionatlas.jobs.bias.BiasJob "$@" ;;
  bench-audit) run_java org.attentionatlas.jobs.bench.AuditBenchmark "$@" ;;
  sql)         run_java org.attentionatlas.jobs.sql.SqlCommand "$@" ;;
  report)      run_java org.attentionatlas.jobs.report.ReportCommand "$@" ;;
  serve)       run_java org.attentionatlas.web.AtlasServer "$@" ;;
  -h|--help|help) usage ;;
  *) echo "error: unknown command '$CMD'" >&2; usage ;;
esac
