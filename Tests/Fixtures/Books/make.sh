#!/usr/bin/env bash
# Builds the fixture books of one journal format: make.sh FORMAT SIETOOL OUT writes
# OUT/vFORMAT-cash and OUT/vFORMAT-accrual with the sietool release that writes that format
# (v1: the first release; v2: 0.2.0; v3: 0.3.0 and 0.4.0; v4: 0.5.0). The commands are the ones every release
# understands, and from v3 on a block that only its release and later ones know.
set -euo pipefail
FORMAT="$1"; S="$2"; OUT="$3"
for method in cash accrual; do
  B="$OUT/v$FORMAT-$method"
  rm -rf "$B"; mkdir -p "$B"
  export SIETOOL_BOOK="$B/book"
  $S init --name "Fixturbolaget AB" --org-number 556677-8899 --method $method --bankgiro 5050-1055 \
    --vat-number SE556677889901 --street "Storgatan 1" --postal-code "111 22" --city Stockholm >/dev/null
  $S customer add --number K1 --name "Åkessons Åkeri AB" --org-number 556677-8899 >/dev/null
  $S customer add --number K2 --name "Berg & Söner HB" --org-number 969611-1237 >/dev/null
  $S customer add --number S1 --name "Skogens Virke AB" --org-number 556123-4567 >/dev/null
  $S cost-centre add 100 --name Stockholm >/dev/null
  $S project add P1 --name Hemsidan >/dev/null
  $S product add --number TJ --name Konsulttimme --price 1000.00 --vat 25 >/dev/null
  $S product add --number BOK --name Facklitteratur --price 250.00 --vat 6 >/dev/null
  $S invoice new --customer K1 --date 2025-03-10 --line TJ:8 --line 'description=Resa,price=450.00,vat=25' --attest >/dev/null
  $S invoice new --customer K2 --date 2025-03-20 --line TJ:2 --line BOK:4 --attest >/dev/null
  $S invoice new --customer K1 --date 2025-05-05 --line 'product=TJ,quantity=3,cc=100,project=P1' --attest >/dev/null
  $S invoice new --customer K2 --date 2025-11-15 --line TJ:5 --attest >/dev/null
  $S invoice pay 1001 --date 2025-04-05 --amount 3000.00 >/dev/null
  $S invoice pay 1001 --date 2025-05-02 --amount 7562.50 >/dev/null
  $S invoice credit 1002 --date 2025-04-10 --line 2 --attest >/dev/null
  $S invoice pay 1002 --date 2025-04-20 --amount 2500.00 >/dev/null
  $S self-invoice new --payee S1 --date 2025-06-01 --payout 2025-06-15 --line 'description=Virke,price=2000.00,vat=25' --attest >/dev/null
  $S self-invoice set pay SF-S1-0001 --date 2025-06-15 >/dev/null
  $S export --from 2025-01-01 --to 2025-03-31 -o "$B/2025Q1.se" --bundle "$B/2025Q1.zip" >/dev/null
  if [ "$FORMAT" -ge 3 ]; then
    # Format 3: the reminder plan, a self-invoice correction, account names, an English
    # customer; run-due reminds 1003 and pays out SF-S1-0002 (after midsummer eve).
    $S settings set registeredOffice Stockholm >/dev/null
    $S settings set accountNames.3001 "Konsultarvoden 25 %" >/dev/null
    $S settings set reminderPlan.firstAfterDays 10 >/dev/null
    $S customer update K2 --language en >/dev/null
    $S self-invoice new --payee S1 --date 2025-06-01 --payout 2025-06-20 --line 'description=Frakt,price=500.00,vat=25' --attest >/dev/null
    $S self-invoice correct SF-S1-0002 --date 2025-06-05 --line 'description=Avdrag,quantity=-1,price=100.00,vat=25' --attest >/dev/null
    $S run-due --date 2025-06-30 >/dev/null
  fi
  $S export --from 2025-04-01 --to 2025-06-30 -o "$B/2025Q2.se" --bundle "$B/2025Q2.zip" >/dev/null
  $S invoice pay 1003 --date 2025-06-10 --amount 500.00 >/dev/null
  $S invoice pay 1003 --date 2025-12-01 --amount 500.00 >/dev/null
  $S export --from 2025-07-01 --to 2025-12-31 -o "$B/2025H2.se" --bundle "$B/2025H2.zip" --type 4E >/dev/null
  $S invoice pay 1004 --date 2026-01-15 --amount 6250.00 >/dev/null
  $S invoice pay 1003 --date 2026-01-20 --amount 2750.00 >/dev/null
  $S export --from 2026-01-01 --to 2026-03-31 -o "$B/2026Q1.se" --bundle "$B/2026Q1.zip" --profile fortnox >/dev/null
done
