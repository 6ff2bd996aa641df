#!/bin/sh
# Cart arithmetic, in cents.

# total PRICE_CENTS [CODE]: prints the price after the discount CODE, if any.
total() {
  price=$1
  code=$2
  case "$code" in
    save10) discount=10 ;;
    *) discount=0 ;;
  esac
  echo $(( price - price * discount / 100 ))
}
