#!/usr/bin/env bash
# Runs every test of the project: installs what the tests need when it is missing (JDK 17 and Maven; Debian's
# Chromium and chromedriver for the web module's browser test), then `mvn -B verify`. Extra arguments go to Maven,
# e.g. ./test.sh -pl engine. The README's test command; .ci/run runs it on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")"

# the web module's BrowserTest drives these two fixed paths (web/src/test/.../Browser.java)
CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

java_major() {
  javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p'
}

missing=()
if ! command -v javac >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
  missing+=(openjdk-17-jdk-headless)
fi
command -v mvn >/dev/null 2>&1 || missing+=(maven)
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -x "$CHROMEDRIVER" ] || missing+=(chromium-driver)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "test.sh: missing ${missing[*]}; install them as root (apt-get install ${missing[*]}) and run again" >&2
    exit 1
  fi
  echo "test.sh: installing ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  if [ "$(java_major)" -lt 17 ]; then # an older JDK stays the default: point Maven at the new one
    export JAVA_HOME="/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture)"
    export PATH="$JAVA_HOME/bin:$PATH"
  fi
fi

# Spark binds to the loopback interface; DJL never downloads (libtorch comes from Maven Central at build time)
export SPARK_LOCAL_IP=127.0.0.1
export DJL_OFFLINE=true

exec mvn -B verify "$@"
