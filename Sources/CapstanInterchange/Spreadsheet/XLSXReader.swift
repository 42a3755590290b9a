import CapstanModel
import CapstanXML

/// Reads one sheet of an Office Open XML workbook (.xlsx): the workbook's sheet list and date
/// system, the shared strings, and the sheet's cells (shared strings, inline strings, formula
/// strings, numbers, booleans, ISO dates).
public enum XLSXReader {
  /// Reads the sheet named `sheet` (the first when nil) of the workbook at `path`.
  public static func read(path: String, sheet: String?, name: String? = nil) throws(ImportError)
    -> SheetGrid
  {
    let file = name ?? path
    let package = try ZipPackage(path: path, name: file)
    guard let workbook = try package.read("xl/workbook.xml") else {
      throw ImportError(
        location: file, message: "not an Excel workbook: the package has no xl/workbook.xml")
    }
    let book = try parseWorkbook(workbook, file: file)
    guard !book.sheets.isEmpty else {
      throw ImportError(location: file, message: "the workbook has no sheets")
    }
    let chosen: (name: String, relation: String)
    if let sheet {
      guard
        let found = book.sheets.first(where: { $0.name == sheet })
          ?? book.sheets.first(where: { $0.name.lowercased() == sheet.lowercased() })
      else {
        throw ImportError(
          location: file,
          message:
            "no sheet named '\(sheet)' (sheets: \(book.sheets.map(\.name).joined(separator: ", ")))"
        )
      }
      chosen = found
    } else {
      chosen = book.sheets[0]
    }
    var relations: [String: String] = [:]
    if let bytes = try package.read("xl/_rels/workbook.xml.rels") {
      relations = try parseRelations(bytes, file: file)
    }
    let part = try target(relations[chosen.relation], file: file, sheet: chosen.name)
    guard let sheetBytes = try package.read(part) else {
      throw ImportError(location: file, message: "the workbook names \(part), which is missing")
    }
    var strings: [String] = []
    if let bytes = try package.read("xl/sharedStrings.xml") {
      strings = try parseSharedStrings(bytes, file: "\(file), part xl/sharedStrings.xml")
    }
    var grid = SheetGrid(file: file, name: chosen.name)
    grid.uses1904Dates = book.uses1904
    try parseSheet(sheetBytes, part: part, strings: strings, into: &grid)
    return grid
  }

  /// The workbook's sheet names, in order.
  public static func sheetNames(path: String) throws(ImportError) -> [String] {
    let package = try ZipPackage(path: path, name: path)
    guard let workbook = try package.read("xl/workbook.xml") else {
      throw ImportError(
        location: path, message: "not an Excel workbook: the package has no xl/workbook.xml")
    }
    return try parseWorkbook(workbook, file: path).sheets.map(\.name)
  }

  private static func stream(_ bytes: [UInt8], _ name: String) throws(ImportError)
    -> XMLStreamReader
  {
    do {
      return try XMLStreamReader(bytes: bytes, name: name)
    } catch {
      throw ImportError(error)
    }
  }

  private static func next(_ reader: XMLStreamReader) throws(ImportError) -> XMLEvent? {
    do {
      return try reader.next()
    } catch {
      throw ImportError(error)
    }
  }

  static func parseWorkbook(_ bytes: [UInt8], file: String) throws(ImportError)
    -> (sheets: [(name: String, relation: String)], uses1904: Bool)
  {
    let reader = try stream(bytes, "\(file), part xl/workbook.xml")
    var sheets: [(name: String, relation: String)] = []
    var uses1904 = false
    while let event = try next(reader) {
      guard case .start(let element) = event else { continue }
      if element.name == "workbookPr", let value = element["date1904"] {
        uses1904 = value == "1" || value == "true"
      }
      if element.name == "sheet", let name = element["name"] {
        let relation =
          element.attributes.first { $0.name == "id" && $0.namespace != nil }?.value ?? ""
        sheets.append((name, relation))
      }
    }
    return (sheets, uses1904)
  }

  static func parseRelations(_ bytes: [UInt8], file: String) throws(ImportError) -> [String:
    String]
  {
    let reader = try stream(bytes, "\(file), part xl/_rels/workbook.xml.rels")
    var relations: [String: String] = [:]
    while let event = try next(reader) {
      if case .start(let element) = event, element.name == "Relationship",
        let id = element["Id"], let target = element["Target"]
      {
        relations[id] = target
      }
    }
    return relations
  }

  /// The package path of a sheet's part, relative targets resolved against `xl/`.
  static func target(_ target: String?, file: String, sheet: String) throws(ImportError) -> String {
    guard let target else {
      throw ImportError(
        location: file, message: "the workbook does not say where sheet '\(sheet)' is")
    }
    let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    guard !path.split(separator: "/").contains("..") else {
      throw ImportError(location: file, message: "sheet '\(sheet)' points outside the package")
    }
    return path
  }

  static func parseSharedStrings(_ bytes: [UInt8], file: String) throws(ImportError) -> [String] {
    let reader = try stream(bytes, file)
    var strings: [String] = []
    var current: String?
    var inText = false
    var phonetic = 0
    while let event = try next(reader) {
      switch event {
      case .start(let element):
        switch element.name {
        case "si": current = ""
        case "t": inText = phonetic == 0 && !element.isEmpty
        case "rPh": phonetic += 1
        default: break
        }
      case .end(let name, _):
        switch name {
        case "si":
          strings.append(current ?? "")
          current = nil
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
      case .text(let text, _):
        if inText { current? += text }
      }
    }
    return strings
  }

  static func parseSheet(
    _ bytes: [UInt8], part: String, strings: [String], into grid: inout SheetGrid
  ) throws(ImportError) {
    let file = "\(grid.file), part \(part)"
    let reader = try stream(bytes, file)
    var rowNumber = 0
    var cells: [SheetGrid.Cell] = []
    var cell: (column: Int, type: String, line: Int)?
    var value = ""
    var capture = false
    var nextColumn = 0
    func flushRow() {
      if !cells.isEmpty { grid.rows.append((rowNumber, cells)) }
      cells = []
    }
    while let event = try next(reader) {
      switch event {
      case .start(let element):
        switch element.name {
        case "row":
          flushRow()
          if let r = element["r"] {
            guard let number = Int(r), number > rowNumber, number <= 1_048_576 else {
              throw ImportError(
                location: "\(file):\(element.line)",
                message: "row r=\"\(r)\" is not a valid row number after row \(rowNumber)")
            }
            rowNumber = number
          } else {
            rowNumber += 1
          }
          nextColumn = 0
        case "c":
          var column = nextColumn
          if let r = element["r"] {
            guard let parsed = SheetGrid.column(ofReference: r), parsed < 16_384 else {
              throw ImportError(
                location: "\(file):\(element.line)",
                message:
                  "cell r=\"\(Limits.shown(r))\" is not a cell reference like B7 "
                  + "(columns A to XFD, rows 1 to 1048576)")
            }
            // The row digits, when given, must be this row's (a cell cannot sit in another).
            let digits = r.unicodeScalars.drop { $0.value >= 65 && $0.value <= 90 }
            if !digits.isEmpty, Int(String(digits)) != rowNumber {
              throw ImportError(
                location: "\(file):\(element.line)",
                message:
                  "cell r=\"\(Limits.shown(r))\" is not in row \(rowNumber), the row it is in "
                  + "(rows 1 to 1048576)")
            }
            // Each cell once, left to right: a second value for a cell is ambiguous.
            guard parsed >= nextColumn else {
              throw ImportError(
                location: "\(file):\(element.line)",
                message:
                  "cell \(r) comes twice, or after a cell to its right, in row \(rowNumber); "
                  + "which value is meant is ambiguous: refused")
            }
            column = parsed
          }
          nextColumn = column + 1
          cell = (column, element["t"] ?? "n", element.line)
          value = ""
        case "v", "t":
          capture = cell != nil
        default: break
        }
      case .text(let text, _):
        if capture { value += text }
      case .end(let name, _):
        switch name {
        case "v", "t": capture = false
        case "c":
          if let current = cell {
            if let parsed = try cellValue(
              value, type: current.type, strings: strings,
              location: grid.location(column: current.column, row: rowNumber))
            {
              cells.append(SheetGrid.Cell(column: current.column, value: parsed))
            }
          }
          cell = nil
        case "row": flushRow()
        default: break
        }
      }
    }
    flushRow()
  }

  static func cellValue(_ raw: String, type: String, strings: [String], location: String)
    throws(ImportError) -> SheetGrid.Value?
  {
    if raw.isEmpty && type != "inlineStr" && type != "str" { return nil }
    switch type {
    case "s":
      guard let index = Int(raw), strings.indices.contains(index) else {
        throw ImportError(
          location: location,
          message: "shared string \(raw) does not exist (the workbook has \(strings.count))")
      }
      return .text(strings[index])
    case "inlineStr", "str":
      return raw.isEmpty ? nil : .text(raw)
    case "b":
      return .bool(raw == "1" || raw == "true")
    case "d":
      guard let date = CalendarDate(iso: String(raw.prefix(10))) else {
        throw ImportError(location: location, message: "date '\(raw)' is not an ISO date")
      }
      return .date(date)
    case "e":
      throw ImportError(location: location, message: "the cell holds the error \(raw)")
    default:
      return .number(raw)
    }
  }
}
