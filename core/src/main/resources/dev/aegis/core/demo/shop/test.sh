#!/bin/sh
# Runs every test file; fails when any of them fails.
status=0
for t in tests/test_*.sh; do
  sh "$t" || status=1
done
exit $status
