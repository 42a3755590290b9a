import CapstanModel

/// The fixed parts of a .docx package: content types, relationships, styles, numbering, footer.
enum DocxParts {
  static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
  static let officeRelationships =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
    <Default Extension="xml" ContentType="application/xml"/>
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
    <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
    <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
    <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
    <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
    </Types>

    """

  static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="\(relationships)">
    <Relationship Id="rId1" Type="\(officeRelationships)/officeDocument" Target="word/document.xml"/>
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
    <Relationship Id="rId3" Type="\(officeRelationships)/extended-properties" Target="docProps/app.xml"/>
    </Relationships>

    """

  static let documentRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="\(relationships)">
    <Relationship Id="rIdStyles" Type="\(officeRelationships)/styles" Target="styles.xml"/>
    <Relationship Id="rIdNumbering" Type="\(officeRelationships)/numbering" Target="numbering.xml"/>
    <Relationship Id="rIdSettings" Type="\(officeRelationships)/settings" Target="settings.xml"/>
    <Relationship Id="rIdFooter1" Type="\(officeRelationships)/footer" Target="footer1.xml"/>
    </Relationships>

    """

  static func coreProperties(title: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    <dc:title>\(MarkupText.escaped(title))</dc:title>
    <dc:creator>Capstan</dc:creator>
    </cp:coreProperties>

    """
  }

  static let appProperties = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
    <Application>Capstan</Application>
    </Properties>

    """

  static let settings = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:settings xmlns:w="\(main)">
    <w:defaultTabStop w:val="720"/>
    <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
    </w:settings>

    """

  /// Centred "Page N of M" from PAGE and NUMPAGES fields.
  static let footer = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:ftr xmlns:w="\(main)">
    <w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>\
    <w:r><w:t xml:space="preserve">Page </w:t></w:r>\
    <w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>\
    <w:r><w:t xml:space="preserve"> of </w:t></w:r>\
    <w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>
    </w:ftr>

    """

  /// numId 1: bullets; numId 2: decimal section numbers "1.", "2.", ... for Heading1.
  static let numbering = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:numbering xmlns:w="\(main)">
    <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>\
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>\
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>\
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>\
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/>\
    <w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>\
    <w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>

    """

  static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="\(main)">
    <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" \
    w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>\
    <w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>\
    <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>\
    </w:pPrDefault></w:docDefaults>
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>\
    <w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>\
    <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:jc w:val="center"/><w:spacing w:after="360"/></w:pPr>\
    <w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
    <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>\
    <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:keepNext/><w:numPr><w:numId w:val="2"/></w:numPr>\
    <w:spacing w:before="280" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr>\
    <w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
    <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>\
    <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:jc w:val="left"/>\
    <w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>
    <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>\
    <w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>\
    <w:spacing w:after="60"/><w:ind w:left="720" w:hanging="360"/><w:jc w:val="left"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/>\
    <w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="20"/><w:jc w:val="left"/>\
    </w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
    <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>\
    <w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
    <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>\
    <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>\
    <w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
    <w:style w:type="table" w:styleId="TermTable"><w:name w:val="Term Table"/>\
    <w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>\
    <w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
    <w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
    <w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
    <w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
    <w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
    <w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
    </w:tblBorders></w:tblPr></w:style>
    </w:styles>

    """
}
