#!/usr/bin/env bash
# The main job, tried as a new user would: the sample prints its scorecard and figures;
# a broken copy of the sample lists every problem with its path and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/main-job
mkdir -p "$out"
cargo build --release --quiet --example scorecard
bin=target/release/examples/scorecard

"$bin" > "$out/sample.txt"
for expected in "Scorecard Q4" "Active caseload" "divided by" "Leverage" "external funds / own funds" "Top partners"; do
  grep -q "$expected" "$out/sample.txt" || { echo "main job output lacks: $expected"; cat "$out/sample.txt"; exit 1; }
done
grep -q "over 129 projects approved by 31 Dec 2025, with a planned cost" "$out/sample.txt"
"$bin" --leverage planned_cost_over_own --caseload in_progress > "$out/sample-options.txt"
grep -q "total planned expenditure / own funds" "$out/sample-options.txt"
grep -q "without rejected or delivered files" "$out/sample-options.txt"
"$bin" --leverage nope 2> /dev/null && { echo "an unknown --leverage must fail"; exit 1; }
"$bin" --lang fr --period 2024-Q2 > "$out/sample-fr.txt"
grep -q "Tableau de bord T2" "$out/sample-fr.txt"
# French through the locale: the leverage formula too (issue #15)
"$bin" --lang fr > "$out/sample-fr-q4.txt"
grep -q "fonds extérieurs / fonds propres" "$out/sample-fr-q4.txt"
if grep -q "external funds" "$out/sample-fr-q4.txt"; then echo "English formula in the French main job"; exit 1; fi
# --help is asked for: the usage on standard output, status 0
"$bin" --help > "$out/help.txt" || { echo "--help must exit 0"; exit 1; }
grep -q "^usage: scorecard" "$out/help.txt"
"$bin" --json > "$out/sample.json"
python3 -c "import json,sys; d=json.load(open('$out/sample.json')); assert d['evaluation']['period']=='2025-Q4'; assert d['headline']['active_caseload']>0"
"$bin" --html "$out/report.html" 2> "$out/html.txt"
grep -q "wrote the en report" "$out/html.txt" && grep -q "<html" "$out/report.html"
"$bin" --explain ind_absenteisme | grep -q "ratio_of_sums"

# A broken copy: unknown partner, a cycle in the strategy map, a bad period, a negative amount.
python3 - "$out/broken.json" <<'PY'
import json, sys
ws = json.load(open("examples/data/sample-city.json"))
ws["commitments"][3]["partner"] = "p-inconnu"
links = ws["scorecard"]["links"]
links.append({"from": links[0]["to"], "to": links[0]["from"]})
ind = next(i for i in ws["indicators"] if i.get("measurements"))
ind["measurements"][0]["period"] = "2025-13"
ws["projects"][12]["planned_cost"] = "-5000"
json.dump(ws, open(sys.argv[1], "w"), ensure_ascii=False, indent=1)
PY
set +e
"$bin" "$out/broken.json" > /dev/null 2> "$out/broken.txt"
code=$?
set -e
[ "$code" -eq 1 ] || { echo "a broken workspace must exit 1, not $code"; exit 1; }
for expected in "commitments[ENG-000004].partner" "scorecard.links" "cycle" "indicators[ind_entreprises_implantees].measurements[0].period" "2025-13" "projects[DOS-2019-0005].planned_cost"; do
  grep -qF "$expected" "$out/broken.txt" || { echo "broken-file report lacks: $expected"; cat "$out/broken.txt"; exit 1; }
done
"$bin" --period 2025-Q9 2> /dev/null && { echo "a bad --period must fail"; exit 1; }
echo "main job: sample, French, JSON, explain and broken-copy checks passed"

# Hostile names (issue #14): escape sequences and a right-to-left override in names must
# reach the terminal escaped (\u{1b}, \u{202e}), never raw; the JSON output stays JSON.
python3 - "$out/hostile.json" <<'PY'
import json, sys
ws = json.load(open("examples/data/sample-city.json"))
ws["organisation"] = "Ville\u001b]0;pwned\u0007\u001b[2J"
ws["scorecard"]["perspectives"][0]["name"] = "Budget \u202e13\u009b"
ws["indicators"][0]["name"] = "Files \u001b[31mred"
json.dump(ws, open(sys.argv[1], "w"), ensure_ascii=False, indent=1)
PY
"$bin" "$out/hostile.json" > "$out/hostile.txt"
"$bin" --json "$out/hostile.json" > "$out/hostile-out.json"
"$bin" --html "$out/hostile.html" "$out/hostile.json" 2> "$out/hostile-html.txt"
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
for name in ["hostile.txt", "hostile-out.json", "hostile-html.txt"]:
    text = open(f"{out}/{name}", encoding="utf-8").read()
    bad = [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) < 0xa0 or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"]
    assert not bad, f"{name}: raw control characters {bad!r}"
text = open(f"{out}/hostile.txt", encoding="utf-8").read()
assert "\\u{1b}]0;pwned" in text and "\\u{202e}13" in text, text[:400]
d = json.load(open(f"{out}/hostile-out.json"))
assert d["evaluation"]["period"] == "2025-Q4"
print("hostile names escaped in the terminal")
PY
