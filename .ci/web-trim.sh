#!/usr/bin/env bash
# web-trim.sh VENDOR: leaves out of the web build what the app never uses
# and a browser need not download (`make web` runs it on a vendored copy
# of the modules in build/stage-web; the desktop builds are not touched):
#
#   - Fyne's bold-italic and monospace fonts (0.8 MB): the app draws
#     neither; those styles, should anything ask for them, are drawn in
#     bold and regular;
#   - goldmark's tables of HTML entities and of Unicode case folding
#     (2.6 MB of code, a map filled at start-up): goldmark is Fyne's
#     Markdown parser, which the app does not use; Markdown in the web
#     build knows &amp; &lt; &gt; &quot; &nbsp; and folds ASCII only.
#
# Each cut is written for one version of its module: when go.mod moves to
# another, the script stops and says which cut to check.
set -euo pipefail
vendor=${1:?usage: $0 VENDOR_DIR}

want() { # MODULE VERSION: the vendored module is that version
  grep -qx "# $1 $2" "$vendor/modules.txt" || {
    echo "web-trim: $1 is not $2 in $vendor/modules.txt: check this script's cut for it, then update the version here" >&2
    exit 1
  }
}
replace() { # FILE FROM TO: FROM must be in FILE exactly once
  local n
  n=$(grep -cF -- "$2" "$1" || true)
  [[ $n == 1 ]] || { echo "web-trim: $1: '$2' found $n times, not once" >&2; exit 1; }
  sed -i "s|$2|$3|" "$1"
}

want fyne.io/fyne/v2 v2.7.1
fonts=$vendor/fyne.io/fyne/v2/theme/bundled-fonts.go
replace "$fonts" "StaticContent: notoSansBoldItalic," "StaticContent: notoSansBold,"
replace "$fonts" "StaticContent: dejaVuSansMono," "StaticContent: notoSansRegular,"

want github.com/yuin/goldmark v1.7.8
util=$vendor/github.com/yuin/goldmark/util
grep -q '^var unicodeCaseFoldings = map\[rune\]\[\]rune{$' "$util/unicode_case_folding.go"
printf '%s\n' '// Cut by .ci/web-trim.sh: only ASCII folds (util.go does it).' 'package util' '' \
  'var unicodeCaseFoldings = map[rune][]rune{}' > "$util/unicode_case_folding.go"
entities=$util/html5entities.go
start=$(grep -n '^		_html5entities =$' "$entities" | cut -d: -f1)
end=$(awk -v s="$start" 'NR > s && /^	}\)$/ { print NR; exit }' "$entities")
[[ -n $start && -n $end ]] || { echo "web-trim: $entities: the entity table is not where expected" >&2; exit 1; }
{
  head -n $((start - 1)) "$entities"
  cat <<'GO'
		// Cut by .ci/web-trim.sh to the entities XML has.
		_html5entities = map[string]*HTML5Entity{
			"amp":  {Name: "amp", CodePoints: []int{38}, Characters: []byte("&")},
			"lt":   {Name: "lt", CodePoints: []int{60}, Characters: []byte("<")},
			"gt":   {Name: "gt", CodePoints: []int{62}, Characters: []byte(">")},
			"quot": {Name: "quot", CodePoints: []int{34}, Characters: []byte("\"")},
			"apos": {Name: "apos", CodePoints: []int{39}, Characters: []byte("'")},
			"nbsp": {Name: "nbsp", CodePoints: []int{160}, Characters: []byte("\u00a0")},
		}
GO
  tail -n +"$end" "$entities"
} > "$entities.new"
mv "$entities.new" "$entities"
gofmt -l "$fonts" "$util" | { ! grep .; } || { echo "web-trim: the cut files do not parse" >&2; exit 1; }
echo "web-trim: left out Fyne's bold-italic and monospace fonts, goldmark's entity and case-folding tables"
