#!/usr/bin/env bash
# Starts the test lab by hand: N hosts (default 2) as network namespaces, each
# reached by its own OpenSSH sshd on 127.0.0.1; prints the ssh command of each;
# removes everything on Enter or Ctrl-C. Needs root. See docs/testing.md.
#   src/test/lab/lab.sh [HOSTS] [--vms]     (--vms: two VMs on bridge labbr0 per host)
set -euo pipefail
cd "$(dirname "$0")/../../.."
# offline first (a machine with a filled ~/.m2), online when that fails
mvn -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
    || mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" vnetdesk.lab.LabMain "$@"
