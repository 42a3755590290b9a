"""Writes a flat OpenDocument spreadsheet (.fods) from a tab-separated description, for
LibreOffice to save as .xlsx or XML Spreadsheet 2003 (see ../README.md).

Lines '#sheet<TAB>Name' start a sheet; every other line is a row of tab-separated cells:
'n:123' a number, 'd:2025-01-15' a date, anything else text, empty nothing.
"""
import sys
from xml.sax.saxutils import escape

def cell(text):
    if text == "":
        return "<table:table-cell/>"
    if text.startswith("n:"):
        return ('<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p>'
                "</table:table-cell>" % (text[2:], text[2:]))
    if text.startswith("d:"):
        return ('<table:table-cell table:style-name="date" office:value-type="date" '
                'office:date-value="%s"><text:p>%s</text:p></table:table-cell>' % (text[2:], text[2:]))
    return ('<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>'
            % escape(text))

source, target = sys.argv[1], sys.argv[2]
sheets = []
for line in open(source, encoding="utf-8").read().split("\n"):
    if line.startswith("#sheet\t"):
        sheets.append((line.split("\t", 1)[1], []))
    elif sheets:
        sheets[-1][1].append(line.split("\t") if line else [])
while sheets and sheets[-1][1] and sheets[-1][1][-1] == []:
    sheets[-1][1].pop()
out = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
       'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
       '<office:automatic-styles><number:date-style style:name="iso"><number:year number:style="long"/>'
       '<number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text>'
       '<number:day number:style="long"/></number:date-style>'
       '<style:style style:name="date" style:family="table-cell" style:data-style-name="iso"/>'
       '</office:automatic-styles>',
       '<office:body><office:spreadsheet>']
for name, rows in sheets:
    out.append('<table:table table:name="%s">' % escape(name))
    for row in rows:
        out.append("<table:table-row>" + "".join(cell(c) for c in row) + "</table:table-row>")
    out.append("</table:table>")
out.append("</office:spreadsheet></office:body></office:document>")
open(target, "w", encoding="utf-8").write("\n".join(out) + "\n")
