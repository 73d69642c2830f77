#!/usr/bin/env python3
"""Writes the small workbooks that Tests/DataFramesTests reads.

Run from the repository root:  python3 scripts/make-xlsx-fixtures.py
Needs openpyxl (pip install openpyxl); the tests themselves need only the committed files.
openpyxl writes the workbooks shaped like its own output; the rest are written part by part
with zipfile, shaped like Excel's and LibreOffice's output, and as broken files.
The expected values in the tests come from readxl reading these files in R.
"""
import datetime
import os
import zipfile

import openpyxl

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "DataFramesTests", "Fixtures")


def path(name):
    return os.path.join(OUT, name)


def openpyxl_workbooks():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "types"
    ws.append(["num", "whole", "flag", "when", "label", "mixed", "empty", "missing", "padded"])
    rows = [
        [1.5, 1, True, datetime.datetime(2020, 1, 2), "a", 1, None, "NA", "  x  "],
        [-2.25, 2, False, datetime.datetime(2021, 6, 30, 12, 30), "b", "two", None, 3, "y"],
        [None, None, None, None, None, None, None, None, None],
        [1e10, 4, True, datetime.datetime(1999, 12, 31, 23, 59, 59), "", 3.25, None, "-", "   "],
    ]
    for row in rows:
        ws.append(row)
    ws["D2"].number_format = "yyyy-mm-dd"
    ws["D4"].number_format = "yyyy-mm-dd"
    ws["D3"].number_format = "yyyy-mm-dd h:mm"

    second = wb.create_sheet("second")
    second.append(["id", "name"])
    second.append([10, "ten"])
    second.append([20, "twenty"])

    offset = wb.create_sheet("offset")
    offset["C3"] = "title line"
    offset["C5"] = "x"
    offset["D5"] = "y"
    offset["C6"] = 1
    offset["D6"] = "p"
    offset["C7"] = 2
    offset["D7"] = "q"
    offset["E9"] = 99
    wb.save(path("openpyxl-types.xlsx"))


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def write_package(name, workbook_xml, sheets, shared=None, styles=None):
    """sheets: list of (sheet xml); rels and content types follow Excel's layout."""
    rels = []
    overrides = []
    for i, _ in enumerate(sheets, start=1):
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
        overrides.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
    n = len(sheets)
    if styles is not None:
        rels.append(f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
    if shared is not None:
        rels.append(f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(overrides="".join(overrides)))
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook_xml)
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(rels) + "</Relationships>")
        for i, sheet in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", sheet)
        if styles is not None:
            z.writestr("xl/styles.xml", styles)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)


def workbook(names, pr=""):
    sheets = "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(names, start=1))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS}>{pr}<sheets>{sheets}</sheets></workbook>'


def sheet(rows):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}><dimension ref="A1:F6"/><sheetData>{rows}</sheetData></worksheet>'


# Excel: shared strings (one with rich-text runs, one with an _x000D_ escape), numbers without
# a t attribute, spans on rows, a custom date format (id 164) and a built-in one (14), a
# formula with a cached string, an error cell, booleans, and a gap in the rows.
EXCEL_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="&quot;days&quot;\\ 0.00"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"""

EXCEL_SHARED = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7"><si><t>name</t></si><si><t>born</t></si><si><t>score</t></si><si><t>ok</t></si><si><r><t>Ada</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Lovelace</t></r></si><si><t>line_x000D_break</t></si><si><t>note</t></si></sst>"""

EXCEL_SHEET = sheet(
    '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>6</v></c></row>'
    '<row r="2" spans="1:5"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>43831</v></c><c r="C2" s="3"><v>1.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="str"><f>UPPER("x")</f><v>X</v></c></row>'
    '<row r="3" spans="1:5"><c r="A3" t="s"><v>5</v></c><c r="B3" s="2"><v>45000.75</v></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3" t="b"><v>0</v></c><c r="E3" s="1"/></row>'
    '<row r="5" spans="1:5"><c r="A5" t="inlineStr"><is><t>Zed</t></is></c><c r="C5"><v>2</v></c><c r="E5" t="e"><v>#N/A</v></c></row>'
)

# LibreOffice: every cell carries s and t, booleans are t="b" in a style of their own, dates
# use a custom format with a locale in brackets; date1904="true" is written the way ECMA-376
# allows, which readxl does not take for the 1904 system (it reads only "1").
LIBRE_STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="&quot;TRUE&quot;;&quot;TRUE&quot;;&quot;FALSE&quot;"/><numFmt numFmtId="166" formatCode="[$-809]yyyy\\-mm\\-dd\\ hh:mm"/></numFmts><fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="164"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="true"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="true"/></cellXfs></styleSheet>"""

LIBRE_SHARED = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t xml:space="preserve">when</t></si><si><t xml:space="preserve">flag</t></si><si><t xml:space="preserve">value</t></si><si><t xml:space="preserve">n/a</t></si></sst>"""

LIBRE_SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:C4"/><sheetData><row r="1" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="0" t="s"><v>1</v></c><c r="C1" s="0" t="s"><v>2</v></c></row><row r="2" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A2" s="2" t="n"><v>0</v></c><c r="B2" s="1" t="b"><v>1</v></c><c r="C2" s="0" t="n"><v>10</v></c></row><row r="3" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A3" s="2" t="n"><v>43100.5</v></c><c r="B3" s="1" t="b"><v>0</v></c><c r="C3" s="0" t="s"><v>3</v></c></row><row r="4" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A4" s="0" t="n"/><c r="B4" s="0" t="n"/><c r="C4" s="0" t="n"><v>-7.5</v></c></row></sheetData></worksheet>"""

# Neither rows nor cells say where they are: positions come from element order.
NOREFS_SHEET = sheet(
    '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>'
    '<row><c><v>1</v></c><c t="inlineStr"><is><t>one</t></is></c></row>'
    '<row><c/><c t="inlineStr"><is><t>two</t></is></c></row>'
)

# Elements with a namespace prefix, as some generators write them.
PREFIXED = """<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>v</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>3.5</x:v></x:c></x:row></x:sheetData></x:worksheet>"""
PREFIXED_WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="only" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"""


def hand_made_workbooks():
    write_package("excel-style.xlsx", workbook(["Data", "Empty"]), [EXCEL_SHEET, sheet("")],
                  shared=EXCEL_SHARED, styles=EXCEL_STYLES)
    write_package("libreoffice-style.xlsx", workbook(["Sheet1"], pr='<workbookPr date1904="true"/>'),
                  [LIBRE_SHEET], shared=LIBRE_SHARED, styles=LIBRE_STYLES)
    # Excel's 1904 date system (old Mac workbooks): serial 0 is 1904-01-01.
    write_package("date1904.xlsx", workbook(["Sheet1"], pr='<workbookPr date1904="1"/>'),
                  [sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c></row>'
                         '<row r="2"><c r="A2" s="1"><v>0</v></c></row><row r="3"><c r="A3" s="1"><v>1.25</v></c></row>')],
                  styles=EXCEL_STYLES)
    write_package("no-references.xlsx", workbook(["Sheet1"]), [NOREFS_SHEET])
    write_package("prefixed.xlsx", PREFIXED_WORKBOOK, [PREFIXED])

    # Broken files for the error tests.
    with open(path("openpyxl-types.xlsx"), "rb") as f:
        whole = f.read()
    with open(path("truncated.xlsx"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    with open(path("not-a-zip.xlsx"), "wb") as f:
        f.write(b"PUPIL,SCHOOL\n1,1\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    openpyxl_workbooks()
    hand_made_workbooks()
    print("wrote fixtures to", os.path.normpath(OUT))
