import CapstanModel
import CapstanXML

/// Reads Capstan's native XML format (docs/xml-format.md) into a `CompanyImage`, streaming.
///
/// Everything is checked while reading: the structure, every attribute's type, and that each
/// stakeholder, class and plan a transaction names is declared in the file. The ledger rules
/// (authorized shares, pools, balances) are checked when the image is written into a draft.
public struct NativeXMLReader {
  private let reader: XMLStreamReader
  let file: String
  private let progress: ((Int) -> Void)?
  var image: CompanyImage?
  var stakeholderIDs = Set<Stakeholder.ID>()
  /// The tokens `<tokens>` declares, by upper-cased symbol.
  var tokenSymbols = Set<String>()
  var classIDs = Set<ShareClass.ID>()
  var planIDs = Set<StockPlan.ID>()
  var lastSequence = 0
  /// How many transactions have been read so far.
  var transactionsRead = 0
  /// The position (from 1) of each transaction read, by its `seq` (or by its position when it
  /// has none): a `<void>` names the transaction it voids by its `seq`.
  var positions: [Int: Int] = [:]
  private var elementsRead = 0
  /// Where the sections have got to, in the format's order.
  private var sectionPosition = 0
  /// The `<transactions>` element `header()` stopped at.
  private var pendingTransactions: XMLElement?
  /// Whether the root's sections have all been read (only the document's end is left).
  private var reachedEnd = false

  /// Reads the file at `path` (named `name` in errors); `progress` gets the bytes read so far.
  public static func read(
    path: String, name: String? = nil, progress: ((Int) -> Void)? = nil
  ) throws(ImportError) -> CompanyImage {
    var reader = try open(path: path, name: name, progress: progress)
    return try reader.document()
  }

  /// Reads a document in memory (named `name` in errors).
  public static func read(bytes: [UInt8], name: String) throws(ImportError) -> CompanyImage {
    let stream: XMLStreamReader
    do {
      stream = try XMLStreamReader(bytes: bytes, name: name)
    } catch {
      throw ImportError(error)
    }
    var reader = NativeXMLReader(reader: stream, file: name, progress: nil)
    return try reader.document()
  }

  /// Opens the file at `path` for reading in two steps, so that its transactions need never
  /// be in memory together: `header()`, then `transactions(_:)`.
  public static func open(
    path: String, name: String? = nil, progress: ((Int) -> Void)? = nil
  ) throws(ImportError) -> NativeXMLReader {
    let stream: XMLStreamReader
    do {
      stream = try XMLStreamReader(path: path, name: name)
    } catch {
      throw ImportError(error)
    }
    return NativeXMLReader(reader: stream, file: stream.file, progress: progress)
  }

  private init(reader: XMLStreamReader, file: String, progress: ((Int) -> Void)?) {
    self.reader = reader
    self.file = file
    self.progress = progress
  }

  func next() throws(ImportError) -> XMLEvent? {
    do {
      return try reader.next()
    } catch {
      throw ImportError(error)
    }
  }

  func error(_ message: String, line: Int) -> ImportError {
    ImportError(location: "\(file):\(line)", message: message)
  }

  /// The next child element of the current element, or nil at its end tag; text that is not
  /// whitespace is an error.
  func child(of parent: String) throws(ImportError) -> XMLElement? {
    while let event = try next() {
      switch event {
      case .start(let element): return element
      case .end: return nil
      case .text(let text, let line):
        if text.allSatisfy(\.isWhitespace) { continue }
        throw error("<\(parent)> holds elements only, found text", line: line)
      }
    }
    throw ImportError(location: file, message: "the document ends inside <\(parent)>")
  }

  func expectEmpty(_ element: XMLElement) throws(ImportError) {
    guard !element.isEmpty else {
      _ = try next()  // the end of <a/>
      return
    }
    if let inner = try child(of: element.name) {
      throw error("<\(element.name)> holds no elements, found <\(inner.name)>", line: inner.line)
    }
  }

  private mutating func document() throws(ImportError) -> CompanyImage {
    var image = try header()
    do {
      try transactions { date, event, line in
        image.transactions.append(
          Transaction(sequence: image.transactions.count + 1, date: date, event: event))
        image.sourceLines.append(Int32(clamping: line))
      }
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(location: file, message: "\(error)")
    }
    return image
  }

  /// Reads everything before the transactions: the company, its stakeholders, classes, plans,
  /// tokens and valuations, as an image without transactions. `transactions(_:)` reads the rest.
  public mutating func header() throws(ImportError) -> CompanyImage {
    guard case .start(let root)? = try next() else {
      throw ImportError(location: file, message: "the document is empty")
    }
    guard root.name == NativeXMLFormat.root, root.namespace == NativeXMLFormat.namespace else {
      throw error(
        "expected the root element <capstan xmlns=\"\(NativeXMLFormat.namespace)\">, found <\(root.name)>"
          + (root.namespace.map { " in namespace \($0)" } ?? " without a namespace"),
        line: root.line)
    }
    let fields = try Fields(root, file: file, allowed: ["version"])
    let version = try fields.required("version")
    guard version == NativeXMLFormat.version else {
      throw fields.error("this build reads version 1 of the format, the file is version \(version)")
    }
    while let section = try nextSection() {
      switch section.name {
      case "company": try company(section)
      case "stakeholders": try list(section, of: "stakeholder")
      case "classes": try list(section, of: "class")
      case "plans": try list(section, of: "plan")
      case "tokens": try tokens(section)
      case "valuations": try valuations(section)
      default:
        pendingTransactions = section
        return try headerImage()
      }
    }
    reachedEnd = true
    return try headerImage()
  }

  /// Reads the transactions, giving each (its date, event and line) to `each` in file order,
  /// then checks that the document ends properly. Call after `header()`.
  public mutating func transactions(
    _ each: (_ date: CalendarDate, _ event: LedgerEvent, _ line: Int) throws -> Void
  ) throws {
    if let section = pendingTransactions {
      pendingTransactions = nil
      if section.isEmpty {
        _ = try next()
      } else {
        while let element = try child(of: section.name) {
          let event = try transaction(element)
          try each(event.date, event.event, element.line)
          elementsRead += 1
          if elementsRead & 4095 == 0, let progress { progress(reader.bytesConsumed) }
        }
      }
      if let extra = try nextSection() {
        throw error("<\(extra.name)> is out of place after <transactions>", line: extra.line)
      }
      reachedEnd = true
    }
    guard reachedEnd else { return }
    reachedEnd = false
    while let event = try next() {
      if case .start(let extra) = event {
        throw error("only one <capstan> element is allowed", line: extra.line)
      }
    }
  }

  private func headerImage() throws(ImportError) -> CompanyImage {
    guard let image else {
      throw ImportError(location: file, message: "the document has no <company>")
    }
    return image
  }

  /// The next section of `<capstan>`, checked against the order of the format.
  private mutating func nextSection() throws(ImportError) -> XMLElement? {
    let order = [
      "company", "stakeholders", "classes", "plans", "tokens", "valuations", "transactions",
    ]
    guard let section = try child(of: NativeXMLFormat.root) else { return nil }
    guard let index = order.firstIndex(of: section.name) else {
      throw error(unknownSection(section.name, order), line: section.line)
    }
    guard index >= sectionPosition else {
      throw error(
        "<\(section.name)> is out of place: the sections come once each, in the order "
          + order.joined(separator: ", "), line: section.line)
    }
    if index > 0 && image == nil {
      throw error("<company> must come first", line: section.line)
    }
    sectionPosition = index + 1
    return section
  }

  /// Elements the format reserves for later versions (the extension point of docs/xml-format.md).
  private func unknownSection(_ name: String, _ order: [String]) -> String {
    if name == "rounds" {
      return "<\(name)> is not supported by this build of Capstan yet"
    }
    return "unexpected <\(name)> in <capstan> (expected: \(order.joined(separator: ", ")))"
  }

  func holder(_ fields: Fields, _ name: String) throws(ImportError) -> Stakeholder.ID {
    let id = Stakeholder.ID(try fields.text(name))
    guard stakeholderIDs.contains(id) else {
      throw fields.error("\(name)=\"\(id)\" names no <stakeholder> declared in <stakeholders>")
    }
    return id
  }

  func shareClass(_ fields: Fields, _ name: String) throws(ImportError) -> ShareClass.ID {
    let id = ShareClass.ID(try fields.text(name))
    guard classIDs.contains(id) else {
      throw fields.error("\(name)=\"\(id)\" names no <class> declared in <classes>")
    }
    return id
  }

  func plan(_ fields: Fields, _ name: String) throws(ImportError) -> StockPlan.ID {
    let id = StockPlan.ID(try fields.text(name))
    guard planIDs.contains(id) else {
      throw fields.error("\(name)=\"\(id)\" names no <plan> declared in <plans>")
    }
    return id
  }

  static let common = ["seq", "date"]

  /// A plain monthly schedule, `<vesting start total-months cliff-months frequency-months/>`.
  func schedule(_ child: XMLElement) throws(ImportError) -> VestingSchedule {
    let v = try Fields(
      child, file: file, allowed: ["start", "total-months", "cliff-months", "frequency-months"])
    let total = try v.int("total-months", in: 1...1200)
    let cliff = try v.int("cliff-months", in: 0...total)
    let schedule = VestingSchedule(
      start: try v.date("start"), totalMonths: total, cliffMonths: cliff,
      frequencyMonths: try v.int("frequency-months", in: 1...total))
    try expectEmpty(child)
    return schedule
  }
}
