import CapstanModel
import CapstanXML

/// Reads one worksheet of Excel's single-file "XML Spreadsheet 2003"
/// (`urn:schemas-microsoft-com:office:spreadsheet`): `Row` and `Cell` elements whose optional
/// `ss:Index` skips to a 1-based position (empty cells and rows are left out of the file).
public enum Spreadsheet2003Reader {
  /// Reads the worksheet named `sheet` (the first when nil).
  public static func read(path: String, sheet: String?, name: String? = nil) throws(ImportError)
    -> SheetGrid
  {
    let file = name ?? path
    let reader: XMLStreamReader
    do {
      reader = try XMLStreamReader(path: path, name: file)
    } catch {
      throw ImportError(error)
    }
    func next() throws(ImportError) -> XMLEvent? {
      do {
        return try reader.next()
      } catch {
        throw ImportError(error)
      }
    }
    let ns = SpreadsheetFormat.namespace2003
    var names: [String] = []
    var grid: SheetGrid?
    var inWanted = false
    var rowNumber = 0
    var column = 0
    var cells: [SheetGrid.Cell] = []
    var dataType: String?
    var mergeAcross = 0
    var dataLine = 0
    var cellHasData = false
    var text = ""
    while let event = try next() {
      switch event {
      case .start(let element):
        guard element.namespace == ns else { continue }
        func index() throws(ImportError) -> Int? {
          guard
            let attribute = element.attributes.first(where: {
              $0.name == "Index" && $0.namespace == ns
            })
          else { return nil }
          guard let number = Int(attribute.value), number >= 1, number <= 1_048_576 else {
            throw ImportError(
              location: "\(file):\(element.line)",
              message: "ss:Index=\"\(attribute.value)\" is not a position from 1")
          }
          return number
        }
        switch element.name {
        case "Worksheet":
          let sheetName =
            element.attributes.first { $0.name == "Name" }?.value ?? "Sheet\(names.count + 1)"
          names.append(sheetName)
          inWanted =
            grid == nil && (sheet == nil || sheet?.lowercased() == sheetName.lowercased())
          if inWanted { grid = SheetGrid(file: file, name: sheetName) }
          rowNumber = 0
        case "Row" where inWanted:
          if let index = try index() {
            guard index > rowNumber else {
              throw ImportError(
                location: "\(file):\(element.line)",
                message: "ss:Index=\"\(index)\" goes back to an earlier row")
            }
            rowNumber = index
          } else {
            rowNumber += 1
          }
          column = 0
          cells = []
        case "Cell" where inWanted:
          if let index = try index() {
            // Each cell once, left to right (as the xlsx reader checks): a second value for a
            // cell is ambiguous.
            guard index - 1 >= column else {
              let location =
                grid?.location(column: index - 1, row: rowNumber) ?? "\(file):\(element.line)"
              throw ImportError(
                location: "\(location) (line \(element.line))",
                message:
                  "cell \(SheetGrid.reference(column: index - 1, row: rowNumber)) is given twice: "
                  + "ss:Index=\"\(index)\" points back to a column an earlier cell of row "
                  + "\(rowNumber) fills or covers; which value is meant is ambiguous: refused")
            }
            column = index - 1
          }
          cellHasData = false
          mergeAcross = 0
          if let span = element.attributes.first(where: { $0.name == "MergeAcross" }) {
            guard let count = Int(span.value), count >= 0, count < 16_384 else {
              throw ImportError(
                location: "\(file):\(element.line)",
                message: "ss:MergeAcross=\"\(span.value)\" is not a number of columns")
            }
            mergeAcross = count
          }
          dataType = nil
        case "Data" where inWanted:
          if cellHasData {
            let location = grid?.location(column: column, row: rowNumber) ?? file
            throw ImportError(
              location: "\(location) (line \(element.line))",
              message:
                "cell \(SheetGrid.reference(column: column, row: rowNumber)) is given twice: a "
                + "second <Data> in one <Cell>; which value is meant is ambiguous: refused")
          }
          cellHasData = true
          dataType = element.attributes.first { $0.name == "Type" }?.value ?? "String"
          dataLine = element.line
          text = ""
        default: break
        }
      case .text(let value, _):
        if dataType != nil { text += value }
      case .end(let name, _):
        guard inWanted else { continue }
        switch name {
        case "Data":
          if let type = dataType,
            let value = try value(
              text, type: type,
              location: grid?.location(column: column, row: rowNumber) ?? "\(file):\(dataLine)")
          {
            cells.append(SheetGrid.Cell(column: column, value: value))
          }
          dataType = nil
        case "Cell":
          column += 1 + mergeAcross  // a merged cell covers the columns after it
          mergeAcross = 0
        case "Row":
          if !cells.isEmpty { grid?.rows.append((rowNumber, cells)) }
          cells = []
        case "Worksheet":
          inWanted = false
        default: break
        }
      }
    }
    guard let grid else {
      if let sheet {
        throw ImportError(
          location: file,
          message: "no worksheet named '\(sheet)' (worksheets: \(names.joined(separator: ", ")))")
      }
      throw ImportError(location: file, message: "the workbook has no worksheets")
    }
    return grid
  }

  /// The worksheets' names, in order.
  public static func sheetNames(path: String) throws(ImportError) -> [String] {
    var names: [String] = []
    do {
      let reader = try XMLStreamReader(path: path)
      while let event = try reader.next() {
        if case .start(let element) = event, element.name == "Worksheet",
          element.namespace == SpreadsheetFormat.namespace2003
        {
          names.append(
            element.attributes.first { $0.name == "Name" }?.value ?? "Sheet\(names.count + 1)")
        }
      }
    } catch {
      throw ImportError(error)
    }
    return names
  }

  static func value(_ text: String, type: String, location: String) throws(ImportError)
    -> SheetGrid.Value?
  {
    if text.isEmpty { return nil }
    switch type {
    case "Number": return .number(text)
    case "Boolean": return .bool(text == "1" || text.lowercased() == "true")
    case "DateTime":
      guard let date = CalendarDate(iso: String(text.prefix(10))) else {
        throw ImportError(location: location, message: "DateTime '\(text)' is not an ISO date")
      }
      return .date(date)
    case "Error": throw ImportError(location: location, message: "the cell holds the error \(text)")
    default: return .text(text)
    }
  }
}
