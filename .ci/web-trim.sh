#!/usr/bin/env bash
# web-trim.sh VENDOR: leaves out of the web build what the app never uses
# and a browser need not download (`make web` runs it on a vendored copy
# of the modules in build/stage-web; the desktop builds are not touched):
#
#   - Fyne's bold-italic and monospace fonts (0.8 MB): the app draws
#     neither; those styles, should anything ask for them, are drawn in
#     bold and regular;
#   - Fyne's Markdown parser, goldmark (1.6 MB of code and tables, one
#     filled at start-up): the app shows no Markdown; in the web build a
#     RichText given Markdown shows its text, a paragraph per block;
#   - the East Asian legacy text encodings of golang.org/x/text (Shift JIS,
#     EUC-JP, ISO-2022-JP, EUC-KR, GBK, GB18030, Big5: 0.5 MB of tables),
#     which reach the build only through the charset reader of Fyne's SVG
#     parser: Fyne's icons are UTF-8; an SVG in one of those would decode
#     as replacement characters.
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

# Fyne's Markdown: the widget's Markdown API stays, parsing nothing.
widget=$vendor/fyne.io/fyne/v2/widget
grep -q '^func parseMarkdown(content string) \[\]RichTextSegment {$' "$widget/markdown.go" || {
  echo "web-trim: $widget/markdown.go is not as expected" >&2; exit 1; }
[[ $(ls "$widget"/markdown*.go | wc -l) == 3 ]] || { echo "web-trim: $widget has other Markdown files than expected" >&2; exit 1; }
rm "$widget"/markdown_image_*.go
cat > "$widget/markdown.go" <<'GO'
package widget

import "strings"

// Cut by trumpkim's .ci/web-trim.sh: the web build has no Markdown parser.
// Markdown is shown as its text, a paragraph for each block between blank
// lines.

// NewRichTextFromMarkdown makes a RichText of content's paragraphs.
func NewRichTextFromMarkdown(content string) *RichText {
	return NewRichText(parseMarkdown(content)...)
}

// ParseMarkdown sets the text to content's paragraphs.
func (t *RichText) ParseMarkdown(content string) {
	t.Segments = parseMarkdown(content)
	t.Refresh()
}

// AppendMarkdown appends content's paragraphs.
func (t *RichText) AppendMarkdown(content string) {
	t.Segments = append(t.Segments, parseMarkdown(content)...)
	t.Refresh()
}

func parseMarkdown(content string) []RichTextSegment {
	var segs []RichTextSegment
	for _, p := range strings.Split(strings.ReplaceAll(content, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			segs = append(segs, &TextSegment{Text: p, Style: RichTextStyleParagraph})
		}
	}
	return segs
}
GO

want golang.org/x/text v0.22.0
htmlindex=$vendor/golang.org/x/text/encoding/htmlindex/map.go
for pkg in japanese korean simplifiedchinese traditionalchinese; do
  line="	\"golang.org/x/text/encoding/$pkg\""
  grep -qxF "$line" "$htmlindex" || { echo "web-trim: $htmlindex does not import $pkg" >&2; exit 1; }
  sed -i "\|^$line\$|d" "$htmlindex"
done
n=$(grep -cE '^	[a-zA-Z0-9]+: +(japanese|korean|simplifiedchinese|traditionalchinese)\.[A-Za-z0-9]+,$' "$htmlindex" || true)
[[ $n == 7 ]] || { echo "web-trim: $htmlindex: $n East Asian encodings, not 7" >&2; exit 1; }
sed -i -E 's/^(	[a-zA-Z0-9]+: +)(japanese|korean|simplifiedchinese|traditionalchinese)\.[A-Za-z0-9]+,$/\1encoding.Replacement,/' "$htmlindex"

gofmt -l "$fonts" "$widget" "$htmlindex" >/dev/null || { echo "web-trim: the cut files do not parse" >&2; exit 1; }
echo "web-trim: left out Fyne's bold-italic and monospace fonts, its Markdown parser, the East Asian legacy encodings"
