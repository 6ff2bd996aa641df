#!/bin/sh
. ./src/cart.sh
fail=0
check() {
  if [ "$2" = "$3" ]; then echo "PASS $1"; else echo "FAIL $1: expected $3, got $2"; fail=1; fi
}
check "no code" "$(total 2000)" 2000
check "save10 code" "$(total 2000 save10)" 1800
exit $fail
