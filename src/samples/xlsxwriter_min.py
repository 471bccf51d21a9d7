"""A minimal XLSX writer (stdlib only) for the sample registry sheets.

Cells: str -> shared string; int/float -> number; datetime.date -> number with the «ДД.ММ.ГГГГ» format;
Text(str) -> a string cell with the text format «@» (for ИНН/ОГРН with leading zeros, numbers typed as text).
Supports merged title rows, bold header, column widths, borders on the table and a frozen header row.
"""
import datetime
import zipfile
from xml.sax.saxutils import escape


class Text(str):
    """A value kept as text in a cell formatted «@» (like an ИНН typed into a text column)."""


# style ids in cellXfs below
S_DEFAULT, S_TITLE, S_HEADER, S_CELL, S_DATE, S_TEXT, S_SUBTITLE = range(7)

_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts>
<fonts count="3">
<font><sz val="11"/><name val="Times New Roman"/><family val="1"/><charset val="204"/></font>
<font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/><charset val="204"/></font>
<font><b/><sz val="11"/><name val="Times New Roman"/><family val="1"/><charset val="204"/></font>
</fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>
<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>
<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Обычный" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def _col(n):
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path, sheet_name, titles, header, rows, widths=None, subtitle_rows=()):
    """titles: list of strings, each a merged row across the header width above the header.
    subtitle_rows: indexes in titles rendered in the plain (non-bold) centred style."""
    strings, index = [], {}

    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    ncols = len(header)
    xml_rows, merges = [], []
    r = 0

    def cell(ci, ri, v, style):
        ref = f"{_col(ci)}{ri + 1}"
        if v is None or v == "":
            return f'<c r="{ref}" s="{style}"/>'
        if isinstance(v, datetime.date):
            serial = (v - datetime.date(1899, 12, 30)).days
            return f'<c r="{ref}" s="{S_DATE}"><v>{serial}</v></c>'
        if isinstance(v, bool):
            v = str(v)
        if isinstance(v, (int, float)) and not isinstance(v, Text):
            return f'<c r="{ref}" s="{style}"><v>{v}</v></c>'
        st = S_TEXT if isinstance(v, Text) else style
        return f'<c r="{ref}" s="{st}" t="s"><v>{sst(str(v))}</v></c>'

    for i, t in enumerate(titles):
        style = S_SUBTITLE if i in subtitle_rows else S_TITLE
        ht = ' ht="33" customHeight="1"' if style == S_TITLE else ""
        xml_rows.append(f'<row r="{r + 1}"{ht}>' + cell(0, r, t, style)
                        + "".join(cell(c, r, None, style) for c in range(1, ncols)) + "</row>")
        merges.append(f"A{r + 1}:{_col(ncols - 1)}{r + 1}")
        r += 1
    header_row = r
    xml_rows.append(f'<row r="{r + 1}" ht="45" customHeight="1">'
                    + "".join(cell(c, r, h, S_HEADER) for c, h in enumerate(header)) + "</row>")
    r += 1
    for row in rows:
        assert len(row) == ncols, (row, header)
        xml_rows.append(f'<row r="{r + 1}">' + "".join(cell(c, r, v, S_CELL) for c, v in enumerate(row)) + "</row>")
        r += 1

    cols = ""
    if widths:
        cols = "<cols>" + "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>'
                                  for i, w in enumerate(widths)) + "</cols>"
    pane = (f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{header_row + 1}" topLeftCell="A{header_row + 2}" '
            f'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             f'<dimension ref="A1:{_col(ncols - 1)}{r}"/>{pane}<sheetFormatPr defaultRowHeight="15"/>{cols}'
             f'<sheetData>{"".join(xml_rows)}</sheetData>'
             + (f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>" if merges else "")
             + '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
             + '<pageSetup paperSize="9" orientation="landscape"/></worksheet>')
    sst_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
               + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>")
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '</Relationships>',
        "docProps/core.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<dc:title>{escape(titles[0] if titles else sheet_name)}</dc:title><dc:creator>РЦМКО</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2025-09-01T08:00:00Z</dcterms:created></cp:coreProperties>',
        "docProps/app.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>',
        "xl/styles.xml": _STYLES,
        "xl/sharedStrings.xml": sst_xml,
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            zi = zipfile.ZipInfo(name, date_time=(2025, 9, 1, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    return r  # number of rows written
