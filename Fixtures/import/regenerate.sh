#!/bin/sh
# Regenerates the workbooks of this folder with LibreOffice (soffice); tests read the committed
# results and never need LibreOffice. See README.md for what each file holds.
set -e
cd "$(dirname "$0")"
out=$(mktemp -d)
soffice --headless --convert-to xlsx --outdir "$out" captable.csv carta-no-terms.csv >/dev/null
soffice --headless --convert-to 'xml:MS Excel 2003 XML' --outdir "$out" captable.csv >/dev/null
python3 source/make-fods.py source/carta-captable.tsv "$out/carta-captable.fods"
python3 source/make-fods.py source/pulley-template.tsv "$out/pulley-template.fods"
soffice --headless --convert-to xlsx --outdir "$out" "$out/carta-captable.fods" \
  "$out/pulley-template.fods" >/dev/null
cp "$out/captable.xlsx" "$out/carta-no-terms.xlsx" "$out/carta-captable.xlsx" \
  "$out/pulley-template.xlsx" .
cp "$out/captable.xml" captable-2003.xml
rm -rf "$out"
