#!/usr/bin/env bash
# Builds the regulatory sample documents (federal, regional, municipal acts and analytical
# materials) from the hand-written HTML sources in src/samples/sources/regulatory/ into the
# final files under sample-docs/ in their target formats.
#
# Needs: LibreOffice (soffice), poppler-utils (pdftoppm, pdftotext), ImageMagick (convert),
# img2pdf, iconv, python3 (stdlib only).
#
# Usage: src/samples/build-regulatory.sh        (from anywhere; paths are resolved from the script)
#
# Only the files listed in the table below are (re)written; other files in sample-docs/ are left alone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="$ROOT/src/samples/sources/regulatory"
OUT="$ROOT/sample-docs"

TMP="$(mktemp -d /tmp/build-regulatory.XXXXXX)"
cleanup() { rm -rf "$TMP"; }
trap cleanup EXIT

# A private LibreOffice profile so the build neither needs nor touches the user's profile.
LO_PROFILE="file://$TMP/lo-profile"

# source basename (without .html) | target path under sample-docs/ | format [| sheet name | column widths, cm]
# formats: html, pdf, docx, doc, odt, rtf, xlsx, xls, txt-utf8, txt-cp1251, txt-koi8r, scan-pdf
read -r -d '' TABLE <<'EOF' || true
2013-06-14_prikaz-462|federal/2013-06-14_prikaz-462.html|html
2013-12-10_prikaz-1324|federal/2013-12-10_prikaz-1324.pdf|pdf
2019-05-06_prikaz-590-219|federal/2019-05-06_prikaz-590-219.docx|docx
2024-02-12_pismo-02-27|federal/2024-02-12_pismo-02-27.txt|txt-utf8
2020-07-24_prikaz-1291|kuzbass/2020-07-24_prikaz-1291.doc|doc
2020-07-24_polozhenie-rsoko|kuzbass/2020-07-24_polozhenie-rsoko.odt|odt
2021-02-10_prikaz-388_scan|kuzbass/2021-02-10_prikaz-388_scan.pdf|scan-pdf
2021-03-12_prikaz-655|kuzbass/2021-03-12_prikaz-655.rtf|rtf
2022-12-15_prikaz-2830|kuzbass/2022-12-15_prikaz-2830.docx|docx
2022-12-15_polozhenie-rsoko|kuzbass/2022-12-15_polozhenie-rsoko.pdf|pdf
2023-01-20_prikaz-115|kuzbass/2023-01-20_prikaz-115.pdf|pdf
2023-01-20_koncepciya-rsoko-2023-2025|kuzbass/2023-01-20_koncepciya-rsoko-2023-2025.odt|odt
2023-02-16_metod-rekomendacii-samoobsledovanie|kuzbass/2023-02-16_metod-rekomendacii-samoobsledovanie.pdf|pdf
2023-08-25_analiticheskaya-spravka-vpr-2023|kuzbass/2023-08-25_analiticheskaya-spravka-vpr-2023.docx|docx
2023-09-05_iam-gia-2023|kuzbass/2023-09-05_iam-gia-2023.html|html
2024-02-05_prikaz-287|kuzbass/2024-02-05_prikaz-287.txt|txt-cp1251
2024-02-26_prikaz-512|kuzbass/2024-02-26_prikaz-512.docx|docx
2024-02-26_plan-vpr-2024|kuzbass/2024-02-26_plan-vpr-2024.xlsx|xlsx|Дорожная карта ВПР-2024|1.6,9.5,4,6.5
2024-03-18_prikaz-780|kuzbass/2024-03-18_prikaz-780.doc|doc
2024-08-28_ciklogramma-2024-2025|kuzbass/2024-08-28_ciklogramma-2024-2025.xls|xls|Циклограмма 2024-2025|1.4,7.5,3,3.2,4,5,5
2021-08-30_prikaz-1487|kemerovo/2021-08-30_prikaz-1487.docx|docx
2021-08-30_polozhenie-msoko-kemerovo|kemerovo/2021-08-30_polozhenie-msoko-kemerovo.docx|docx
2022-03-14_prikaz-436_scan|kemerovo/2022-03-14_prikaz-436_scan.pdf|scan-pdf
2023-10-09_prikaz-1184|novokuznetsk/2023-10-09_prikaz-1184.txt|txt-koi8r
2022-12-12_analiticheskaya-spravka-vpr-2022|novokuznetsk/2022-12-12_analiticheskaya-spravka-vpr-2022.odt|odt
2023-09-05_prikaz-274|mariinsk/2023-09-05_prikaz-274.rtf|rtf
2023-09-05_plan-shnor-2023-2024|mariinsk/2023-09-05_plan-shnor-2023-2024.xls|xls|План ШНОР|1.4,9,4,5.5,5
2022-09-12_prikaz-134|chegem/2022-09-12_prikaz-134.html|html
2019-11-15_prikaz-187|staraya-maina/2019-11-15_prikaz-187.pdf|pdf
2025_proekt-prikaza-monitoring|staraya-maina/2025_proekt-prikaza-monitoring.docx|docx
EOF

lo() {
  soffice -env:UserInstallation="$LO_PROFILE" --headless --norestore "$@" >"$TMP/lo.log" 2>&1 \
    || { cat "$TMP/lo.log" >&2; return 1; }
}

# writer <source.html> <lo-format> <ext> -> prints the path of the converted file
writer() {
  local src="$1" fmt="$2" ext="$3" base
  base="$(basename "$src" .html)"
  rm -rf "$TMP/w" && mkdir -p "$TMP/w"
  lo --infilter="HTML (StarWriter)" --convert-to "$fmt" --outdir "$TMP/w" "$src"
  [ -s "$TMP/w/$base.$ext" ] || { echo "conversion failed: $src -> $ext" >&2; cat "$TMP/lo.log" >&2; return 1; }
  echo "$TMP/w/$base.$ext"
}

# calc <source.html> <lo-format> <ext> <sheet name> <column widths in cm, comma-separated>
# HTML table -> ODS, then fix what the HTML import cannot express (sheet name, column widths,
# cell borders, Russian locale, "1.1"-style item numbers kept as text) -> target format.
calc() {
  local src="$1" fmt="$2" ext="$3" sheet="$4" widths="$5" base
  base="$(basename "$src" .html)"
  rm -rf "$TMP/c" && mkdir -p "$TMP/c/ods"
  lo --infilter="HTML (StarCalc)" --convert-to ods --outdir "$TMP/c/ods" "$src"
  [ -s "$TMP/c/ods/$base.ods" ] || { echo "conversion failed: $src -> ods" >&2; cat "$TMP/lo.log" >&2; return 1; }
  python3 - "$TMP/c/ods/$base.ods" "$sheet" "$widths" <<'PY'
import re, sys, zipfile, shutil, html
path, sheet, widths = sys.argv[1], sys.argv[2], [w for w in sys.argv[3].split(",") if w]
tmp = path + ".tmp"
with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w") as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "content.xml":
            x = data.decode("utf-8")
            x = re.sub(r'(<table:table table:name=")[^"]*"', lambda m: m.group(1) + html.escape(sheet) + '"', x, count=1)
            m = re.search(r'<table:table-column [^>]*/>', x)
            dflt = re.search(r'table:default-cell-style-name="([^"]+)"', m.group(0))
            dflt = ' table:default-cell-style-name="%s"' % dflt.group(1) if dflt else ""
            cols = "".join('<table:table-column table:style-name="cw%d"%s/>' % (i, dflt) for i in range(len(widths)))
            x = x[:m.start()] + cols + x[m.end():]
            styles = "".join('<style:style style:name="cw%d" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="%scm"/></style:style>' % (i, w) for i, w in enumerate(widths))
            x = x.replace("<office:automatic-styles>", "<office:automatic-styles>" + styles, 1)
            x = x.replace('<style:table-cell-properties fo:wrap-option="wrap"/>',
                          '<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top" fo:border="0.5pt solid #000000"/>')
            x = x.replace('fo:language="en" fo:country="US"', 'fo:language="ru" fo:country="RU"')
            x = re.sub(r'<table:table-cell office:value-type="float" office:value="[^"]*" calcext:value-type="float"><text:p>(\d+\.\d+(?:\.\d+)*)</text:p>',
                       r'<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>\1</text:p>', x)
            data = x.encode("utf-8")
        zout.writestr(item, data)
shutil.move(tmp, path)
PY
  lo --convert-to "$fmt" --outdir "$TMP/c" "$TMP/c/ods/$base.ods"
  [ -s "$TMP/c/$base.$ext" ] || { echo "conversion failed: $src -> $ext" >&2; cat "$TMP/lo.log" >&2; return 1; }
  echo "$TMP/c/$base.$ext"
}

# html2txt <source.html> <wrap-width or 0> -> plain UTF-8 text on stdout (LF line ends)
html2txt() {
  python3 - "$1" "$2" <<'PY'
import html.parser, sys, textwrap
src, width = sys.argv[1], int(sys.argv[2])
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.cur, self.skip, self.cells = [], [], 0, None
    def flush(self):
        t = "".join(self.cur).replace("\u00a0", " ").replace("\n", " ").strip()
        self.cur = []
        if t:
            self.blocks.append(t)
    def handle_starttag(self, tag, attrs):
        if tag in ("title", "style", "script", "head"):
            self.skip += 1
        elif tag == "br":
            self.cur.append("\n")
        elif tag in ("p", "h1", "h2", "h3", "li", "div"):
            self.flush()
    def handle_endtag(self, tag):
        if tag in ("title", "style", "script", "head"):
            self.skip -= 1
        elif tag in ("p", "h1", "h2", "h3", "li", "div"):
            self.flush()
    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)
p = P()
p.feed(open(src, encoding="utf-8").read())
p.flush()
out = []
for b in p.blocks:
    for line in b.split("\n"):
        line = line.rstrip()
        if width and len(line) > width and "   " not in line:
            out.extend(textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False))
        else:
            out.append(line)
    out.append("")
sys.stdout.write("\n".join(out).rstrip("\n") + "\n")
PY
}

# scan <source.html> <target.pdf>: render to PDF, rasterise, degrade like a scanner, image-only PDF
scan() {
  local src="$1" dst="$2" pdf page n=0
  pdf="$(writer "$src" pdf:writer_pdf_Export pdf)"
  rm -rf "$TMP/s" && mkdir -p "$TMP/s"
  pdftoppm -r 200 -gray -png "$pdf" "$TMP/s/page"
  for page in "$TMP"/s/page*.png; do
    n=$((n + 1))
    convert "$page" -background white -rotate 0.4 -flatten \
      -attenuate 0.35 +noise Gaussian -blur 0x0.6 -level 4%,96% \
      -colorspace Gray -type Grayscale -strip -quality 78 "$TMP/s/scan-$(printf %03d $n).jpg"
  done
  img2pdf --pagesize A4 -o "$dst" "$TMP"/s/scan-*.jpg
  if [ -n "$(pdftotext "$dst" - 2>/dev/null | tr -d '[:space:]')" ]; then
    echo "scan has a text layer: $dst" >&2; return 1
  fi
}

while IFS='|' read -r name target fmt sheet widths; do
  [ -n "$name" ] || continue
  src="$SRC/$name.html"
  dst="$OUT/$target"
  [ -f "$src" ] || { echo "missing source: $src" >&2; exit 1; }
  mkdir -p "$(dirname "$dst")"
  case "$fmt" in
    html)       cp "$src" "$dst" ;;
    pdf)        mv "$(writer "$src" pdf:writer_pdf_Export pdf)" "$dst" ;;
    docx)       mv "$(writer "$src" 'docx:MS Word 2007 XML' docx)" "$dst" ;;
    doc)        mv "$(writer "$src" 'doc:MS Word 97' doc)" "$dst" ;;
    odt)        mv "$(writer "$src" odt:writer8 odt)" "$dst" ;;
    rtf)        mv "$(writer "$src" 'rtf:Rich Text Format' rtf)" "$dst" ;;
    xlsx)       mv "$(calc "$src" 'xlsx:Calc MS Excel 2007 XML' xlsx "$sheet" "$widths")" "$dst" ;;
    xls)        mv "$(calc "$src" 'xls:MS Excel 97' xls "$sheet" "$widths")" "$dst" ;;
    txt-utf8)   html2txt "$src" 0 >"$dst" ;;
    txt-cp1251) html2txt "$src" 76 | sed 's/$/\r/' | iconv -f UTF-8 -t CP1251 >"$dst" ;;
    txt-koi8r)  # KOI8-R has no «», №, dashes: write them the way old KOI8 texts did
                html2txt "$src" 72 | sed -e 's/[«»]/"/g' -e 's/№/N/g' -e 's/[–—]/-/g' \
                  | iconv -f UTF-8 -t KOI8-R >"$dst" ;;
    scan-pdf)   scan "$src" "$dst" ;;
    *) echo "unknown format $fmt" >&2; exit 1 ;;
  esac
  printf '%-70s %8s bytes\n' "sample-docs/$target" "$(stat -c %s "$dst")"
done <<<"$TABLE"

# LibreOffice never leaves lock files in headless conversion, but make sure.
find "$OUT" -name '.~lock.*#' -delete
