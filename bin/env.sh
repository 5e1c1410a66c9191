# Sourced by the launchers: the JDK every script builds and runs with, and the Node.js that bin/install-deps
# puts into .tools/node for Vaadin's frontend build (first on PATH, so Vaadin uses it and downloads nothing).
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
VPSPANEL_NODE_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node"
export PATH="$VPSPANEL_NODE_HOME/bin:$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
