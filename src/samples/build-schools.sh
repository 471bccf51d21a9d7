#!/usr/bin/env bash
# Builds the school-level sample documents (sample-docs/schools/<org-id>/...) from the hand-written
# HTML sources in src/samples/sources/schools/.
#   formats: LibreOffice (headless) for ODT/DOCX/DOC/RTF/PDF/XLSX, TXT by stripping tags, HTML as is;
#   scans: PDF -> pdftoppm (gray) -> slight rotation/noise/blur (ImageMagick) -> img2pdf (no text layer)
#          or a single PNG/JPEG/TIFF image.
# Usage: src/samples/build-schools.sh                 (from anywhere; rebuilds everything)
#        src/samples/build-schools.sh SOURCE...      (rebuilds only the outputs of the named sources;
#          SOURCE is a file of src/samples/sources/schools/, given as a path, a name or a name without
#          .html, e.g. `build-schools.sh mar3_otchet_2024 ds58_otchet_2024.html`)
# Needs: soffice, pdftoppm, pdftotext, convert (ImageMagick), img2pdf, python3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SRC=src/samples/sources/schools
OUT=sample-docs/schools

# sources named on the command line (none: all); an unknown name is an error before anything is built
SELECTED=()
for a in "$@"; do
  a="$(basename "$a")"; a="${a%.html}.html"
  [ -f "$SRC/$a" ] || { echo "no such source: $SRC/$a" >&2; exit 2; }
  SELECTED+=("$a")
done
# wanted SOURCE : true when SOURCE is to be built in this run
wanted() {
  [ ${#SELECTED[@]} -eq 0 ] && return 0
  local s; for s in "${SELECTED[@]}"; do [ "$s" = "$1" ] && return 0; done
  return 1
}
BUILT=()

WORK="$(mktemp -d /tmp/build-schools.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
# own LibreOffice profile: no clash with another soffice running on the machine
LO_PROFILE="file://$WORK/lo-profile"

lo() { soffice -env:UserInstallation="$LO_PROFILE" --headless "$@" >"$WORK/lo.log" 2>&1 || { cat "$WORK/lo.log" >&2; return 1; }; }

# writer SOURCE EXT FILTER TARGET
writer() {
  wanted "$1" || return 0; BUILT+=("$OUT/$4")
  local src="$SRC/$1" ext="$2" filter="$3" target="$OUT/$4" base
  base="$(basename "$1" .html)"
  rm -rf "$WORK/o"; mkdir -p "$WORK/o" "$(dirname "$target")"
  lo --infilter="HTML (StarWriter)" --convert-to "$ext:$filter" --outdir "$WORK/o" "$src"
  mv -f "$WORK/o/$base.$ext" "$target"
}

# calc SOURCE TARGET.xlsx  (HTML table -> spreadsheet; colspan becomes merged cells)
calc() {
  wanted "$1" || return 0; BUILT+=("$OUT/$2")
  local src="$SRC/$1" target="$OUT/$2" base
  base="$(basename "$1" .html)"
  rm -rf "$WORK/o"; mkdir -p "$WORK/o" "$(dirname "$target")"
  lo --infilter="HTML (StarCalc)" --convert-to "xlsx:Calc MS Excel 2007 XML" --outdir "$WORK/o" "$src"
  mv -f "$WORK/o/$base.xlsx" "$target"
}

# txt SOURCE TARGET : strip the tags (table rows become lines with " | " between cells), UTF-8
txt() {
  wanted "$1" || return 0; BUILT+=("$OUT/$2")
  mkdir -p "$(dirname "$OUT/$2")"
  python3 - "$SRC/$1" "$OUT/$2" <<'PY'
import sys, html.parser, re
class T(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.out = []; s.cells = None; s.skip = 0; s.buf = []
    def handle_starttag(s, tag, a):
        if tag in ('style', 'title', 'head'): s.skip += 1
        elif tag == 'tr': s.cells = []
        elif tag in ('td', 'th'): s.buf = []
        elif tag == 'br': s.buf.append('\n')
    def handle_endtag(s, tag):
        if tag in ('style', 'title', 'head'): s.skip -= 1
        elif tag in ('td', 'th') and s.cells is not None: s.cells.append(' '.join(''.join(s.buf).split())); s.buf = []
        elif tag == 'tr': s.out.append(' | '.join(s.cells)); s.cells = None
        elif tag in ('p', 'h1', 'h2', 'h3') and s.cells is None:
            text = '\n'.join(' '.join(l.split()) for l in ''.join(s.buf).split('\n'))
            s.out.append(text.strip('\n')); s.out.append(''); s.buf = []
        elif tag == 'table': s.out.append('')
    def handle_data(s, d):
        if not s.skip: s.buf.append(d)
t = T(); t.feed(open(sys.argv[1], encoding='utf-8').read())
text = re.sub(r'\n{3,}', '\n\n', '\n'.join(t.out)).strip() + '\n'
open(sys.argv[2], 'w', encoding='utf-8').write(text)
PY
}

# html SOURCE TARGET : as is
html() { wanted "$1" || return 0; BUILT+=("$OUT/$2"); mkdir -p "$(dirname "$OUT/$2")"; cp -f "$SRC/$1" "$OUT/$2"; }

# degrade IN OUT SEED ANGLE : a light "scanner" look, legible for OCR
degrade() {
  convert "$1" -seed "$3" -background white -rotate "$4" +repage -attenuate 0.35 +noise Gaussian \
    -blur 0x0.5 -level 6%,97% -colorspace Gray -alpha off -depth 8 "$2"
}

# scan_pdf SOURCE TARGET.pdf DPI : image-only PDF (gray JPEG pages), no text layer
scan_pdf() {
  wanted "$1" || return 0; BUILT+=("$OUT/$2")
  local src="$1" target="$OUT/$2" dpi="${3:-200}" base i=0
  base="$(basename "$src" .html)"
  rm -rf "$WORK/o"; mkdir -p "$WORK/o" "$WORK/pages"
  lo --infilter="HTML (StarWriter)" --convert-to "pdf:writer_pdf_Export" --outdir "$WORK/o" "$SRC/$src"
  rm -f "$WORK/pages/"*
  pdftoppm -r "$dpi" -gray -png "$WORK/o/$base.pdf" "$WORK/pages/p"
  local imgs=()
  for p in "$WORK/pages/"p-*.png; do
    i=$((i + 1))
    degrade "$p" "$WORK/pages/s-$i.png" "$((40 + i))" "$( [ $((i % 2)) -eq 1 ] && echo 0.5 || echo -0.4 )"
    convert "$WORK/pages/s-$i.png" -units PixelsPerInch -density "$dpi" -quality 85 "$WORK/pages/s-$i.jpg"
    imgs+=("$WORK/pages/s-$i.jpg")
  done
  mkdir -p "$(dirname "$target")"
  img2pdf --pagesize A4 -o "$target" "${imgs[@]}"
}

# scan_img SOURCE TARGET.(png|jpg|tiff) DPI : one page rendered and degraded to a single image
scan_img() {
  wanted "$1" || return 0; BUILT+=("$OUT/$2")
  local src="$1" target="$OUT/$2" dpi="$3" base
  base="$(basename "$src" .html)"
  rm -rf "$WORK/o"; mkdir -p "$WORK/o" "$WORK/pages" "$(dirname "$target")"
  lo --infilter="HTML (StarWriter)" --convert-to "pdf:writer_pdf_Export" --outdir "$WORK/o" "$SRC/$src"
  rm -f "$WORK/pages/"*
  pdftoppm -r "$dpi" -gray -png -f 1 -l 1 "$WORK/o/$base.pdf" "$WORK/pages/p"
  degrade "$WORK/pages/"p-*1.png "$WORK/pages/s.png" 7 0.6
  case "$target" in
    *.png)  convert "$WORK/pages/s.png" -units PixelsPerInch -density "$dpi" "$target" ;;
    *.jpg)  convert "$WORK/pages/s.png" -units PixelsPerInch -density "$dpi" -quality 80 "$target" ;;
    *.tiff) convert "$WORK/pages/s.png" -units PixelsPerInch -density "$dpi" -compress lzw "$target" ;;
  esac
}

# ---------------------------------------------------------------- self-evaluation reports
writer kem12_otchet_2022.html odt writer8                 org-kem-12/2023_otchet-samoobsledovanie-2022.odt
writer kem12_otchet_2023.html docx "MS Word 2007 XML"     org-kem-12/2024_otchet-samoobsledovanie-2023.docx
writer kem12_otchet_2024.html pdf writer_pdf_Export       org-kem-12/2025_otchet-samoobsledovanie-2024.pdf
writer l76_otchet_2023.html docx "MS Word 2007 XML"       org-nvk-l76/2024_otchet-samoobsledovanie-2023.docx
calc   l76_otchet_2024_tablica.html                       org-nvk-l76/2025_otchet-samoobsledovanie-2024.xlsx
writer mar3_otchet_2023.html pdf writer_pdf_Export        org-mar-3/2024_otchet-samoobsledovanie-2023.pdf
scan_pdf mar3_otchet_2024.html                            org-mar-3/2025_otchet-samoobsledovanie-2024_skan.pdf 300
writer ds58_otchet_2024.html docx "MS Word 2007 XML"      org-kem-ds58/2025_otchet-samoobsledovanie-2024.docx
writer kit_otchet_2024.html pdf writer_pdf_Export         org-nvk-kit/2025_otchet-samoobsledovanie-2024.pdf

# ---------------------------------------------------------------- expert conclusions
writer g42_zakl_otchet_2023.html doc "MS Word 97"         org-kem-g42/2024_ekspertnoe-zakluchenie-otchet-samoobsledovanie-2023.doc
writer kem12_zakl_kim_mat7.html rtf "Rich Text Format"    org-kem-12/2022_ekspertnoe-zakluchenie-kim-matematika-7.rtf
writer g42_zakl_attestaciya_fizika.html pdf writer_pdf_Export org-kem-g42/2021_ekspertnoe-zakluchenie-attestaciya-fizika.pdf
writer l76_zakl_programma_fg.html docx "MS Word 2007 XML" org-nvk-l76/2022_ekspertnoe-zakluchenie-programma-fg.docx
txt    mar3_zakl_vpr_proekt.html                          org-mar-3/2024_ekspertnoe-zakluchenie-vpr-proekt.txt
html   chg2_zakl_sajt.html                                org-chg-2/2023_ekspertnoe-zakluchenie-sajt.html

# ---------------------------------------------------------------- school documents
writer kem12_prikaz_214_2023.html docx "MS Word 2007 XML" org-kem-12/2023_prikaz-214-polozhenie-vsoko.docx
writer kem12_polozhenie_vsoko_2023.html odt writer8       org-kem-12/2023_polozhenie-vsoko.odt
html   l76_publichnyj_doklad_2024.html                    org-nvk-l76/2024_publichnyj-doklad.html
scan_img stm1_prikaz_9_2024.html   org-stm-1/2024_prikaz-9-samoobsledovanie_skan.png   200
scan_img chg2_prikaz_47_2023.html  org-chg-2/2023_prikaz-47-vpr_skan.jpg             300
scan_img mar3_prikaz_112_2024.html org-mar-3/2024_prikaz-112-plan-vsoko_skan.tiff    200

# ---------------------------------------------------------------- checks
fail=0
for f in "$OUT"/*/*_skan.pdf; do
  if [ -n "$(pdftotext "$f" - 2>/dev/null | tr -d '[:space:]')" ]; then echo "text layer found in scan: $f" >&2; fail=1; fi
done
find "$ROOT/$SRC" "$ROOT/$OUT" -name '.~lock.*' -delete
if [ ${#BUILT[@]} -gt 0 ]; then ls -l "${BUILT[@]}" | awk '{print $5, $9}'; fi
exit $fail
