#!/usr/bin/env bash
# Makes the README's screenshots from a running demo archive; see docs/screenshots/README.md.
# Usage: docs/screenshots/take.sh [site address] [picture names…]   (MVN_FLAGS=-o for offline Maven)
set -euo pipefail
cd "$(dirname "$0")/../.."
base="${1:-http://localhost:7075}"
shift || true
mvn -q ${MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  ru.soko.web.e2e.Screenshots "$base" docs/screenshots "$@"
