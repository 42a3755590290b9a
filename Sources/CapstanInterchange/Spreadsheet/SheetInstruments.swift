import CapstanModel
import Foundation

/// A sheet of SAFEs, convertible notes or warrants, read and checked cell by cell, ready to
/// record as the events `capstan safe add`, `note add` and `warrant add` record.
public struct SheetInstruments: Sendable {
  /// One instrument: a SAFE, a note or a warrant.
  public struct Row: Sendable {
    /// The 1-based row.
    public var row: Int
    /// Where the row's amount (or, for a warrant, its shares) is, for messages.
    public var location: String
    /// The holder's name as written.
    public var holder: String
    /// Person or institution.
    public var holderKind: Stakeholder.Kind
    /// The holder's e-mail.
    public var email: String?
    /// Issue date.
    public var date: CalendarDate
    /// Purchase amount or principal (SAFEs and notes).
    public var amount: Ratio = .zero
    /// Valuation cap.
    public var cap: Ratio?
    /// Discount to the round price (0.2 for 20 %).
    public var discount: Ratio?
    /// A note's annual interest rate.
    public var rate: Ratio = .zero
    /// A note's maturity.
    public var maturity: CalendarDate?
    /// A SAFE's form.
    public var safeKind: SAFEIssuance.Kind = .postMoney
    /// Most favoured nation.
    public var mostFavoredNation = false
    /// A pro rata side letter.
    public var proRata = false
    /// The id the sheet gives the instrument, kept as its custom id.
    public var customID: String?
    /// A warrant's class.
    public var className: String?
    /// A warrant's shares.
    public var quantity: Shares = .zero
    /// A warrant's exercise price.
    public var strike: Ratio = .zero
    /// A warrant's expiry.
    public var expires: CalendarDate?
  }

  /// A total row and whether the rows add up to it.
  public struct Total: Sendable {
    /// The 1-based row.
    public var row: Int
    /// Its label as written.
    public var label: String
    /// The amount (SAFEs, notes) or shares (warrants) it states.
    public var stated: Ratio
    /// What the rows add up to.
    public var rows: Ratio
    /// Whether they are the same.
    public var matches: Bool { stated == rows }
  }

  /// The sheet.
  public var grid: SheetGrid
  /// What it holds.
  public var kind: SheetInstrumentKind
  /// The 1-based header row.
  public var headerRow: Int
  /// Field → 0-based column.
  public var columns: [InstrumentColumn: Int]
  /// Headers that map to nothing, with their column.
  public var unmapped: [(header: String, column: Int)] = []
  /// The instruments read.
  public var rows: [Row] = []
  /// Total rows, each checked against the rows.
  public var totals: [Total] = []
  /// Rows left out, with why.
  public var skipped: [(row: Int, reason: String)] = []
  /// Assumptions made, each naming its cell or column.
  public var notes: [String] = []
  /// Warnings, each naming its cell.
  public var warnings: [SheetImport.Warning] = []
  /// The company's currency, for amounts in messages.
  public var currency: Currency

  /// Whether `grid` is a sheet of instruments: by its name, or (when the name says nothing)
  /// by its columns. Nil when it is not.
  public static func kind(of grid: SheetGrid) -> SheetInstrumentKind? {
    if let named = SheetInstrumentKind.named(grid.name) { return named }
    return header(in: grid, kind: nil).map(\.kind)
  }

  /// The first of the first 20 rows that names the holder and the amount (warrants: the
  /// shares), with the kind the columns say when `kind` is nil.
  static func header(in grid: SheetGrid, kind: SheetInstrumentKind?)
    -> (row: Int, kind: SheetInstrumentKind, columns: [InstrumentColumn: Int])?
  {
    for (number, cells) in grid.rows.prefix(20) {
      var columns: [InstrumentColumn: Int] = [:]
      for cell in cells {
        guard case .text(let header) = cell.value, let column = InstrumentColumn.matching(header),
          columns[column] == nil
        else { continue }
        columns[column] = cell.column
      }
      guard columns[.holder] != nil else { continue }
      if let kind {
        let needed: InstrumentColumn = kind == .warrant ? .quantity : .amount
        if columns[needed] != nil { return (number, kind, columns) }
      } else if let found = SheetInstrumentKind.fromColumns(columns) {
        return (number, found, columns)
      }
    }
    return nil
  }

  /// Reads every row below the header of a sheet of `kind` (nil: the kind its name or columns
  /// say); a missing column or a cell that does not fit names the sheet and the cell.
  public init(
    grid: SheetGrid, kind: SheetInstrumentKind? = nil, holderDetails: SheetHolderDetails? = nil,
    dateFormat: SheetDateFormat? = nil, currency: Currency = .usd
  ) throws(ImportError) {
    let sheet = "\(grid.file), sheet \(grid.name)"
    let wanted = kind ?? SheetInstrumentKind.named(grid.name)
    guard let header = Self.header(in: grid, kind: wanted) else {
      let what =
        wanted == .warrant
        ? "the shares (Shares, Number of Shares)"
        : "the amount "
          + "(Investment Amount, Principal, Purchase Amount)"
      throw ImportError(
        location: sheet,
        message:
          "no header row in the first 20 rows: expected a row naming the holder (Stakeholder, "
          + "Investor, Name) and \(what)")
    }
    self.grid = grid
    self.kind = header.kind
    self.headerRow = header.row
    self.columns = header.columns
    self.currency = currency
    let missing = header.kind.required.filter { header.columns[$0] == nil }
    guard missing.isEmpty else {
      throw ImportError(
        location: "\(sheet), row \(header.row)",
        message:
          "a \(header.kind.rawValue) sheet needs the columns "
          + header.kind.required.map(\.rawValue).joined(separator: ", ") + "; missing: "
          + missing.map(\.rawValue).joined(separator: ", "))
    }
    for (number, cells) in grid.rows where number == header.row {
      for cell in cells {
        guard case .text(let text) = cell.value,
          !header.columns.values.contains(cell.column)
        else { continue }
        unmapped.append((text, cell.column))
      }
    }
    var typeAssumed = false
    var usOrder: [String] = []
    let figureColumn: InstrumentColumn = header.kind == .warrant ? .quantity : .amount
    for (number, cells) in grid.rows where number > header.row {
      var byColumn: [Int: SheetGrid.Value] = [:]
      for cell in cells { byColumn[cell.column] = cell.value }
      var reader = ColumnReader(grid: grid, columns: header.columns, row: number, cells: byColumn)
      reader.dateFormat = dateFormat
      let holder = try reader.text(.holder)
      guard let holder else {
        if !byColumn.isEmpty { skipped.append((number, "no holder")) }
        continue
      }
      if let label = SheetRowLabel.classify(holder) {
        switch label {
        case .total, .subtotal:
          try readTotal(holder, reader: reader, column: figureColumn)
          skipped.append((number, "a total row"))
          continue
        case .asOf:
          skipped.append((number, "an 'As of' line"))
          continue
        case .pool:
          break  // a holder's name ("Pool Capital LLC") on an instruments sheet
        }
      }
      var row = Row(
        row: number, location: reader.location(figureColumn), holder: holder,
        holderKind: try Self.kind(holder, reader: reader, details: holderDetails, notes: &notes),
        email: try reader.text(.email) ?? holderDetails?.entries[holder.lowercased()]?.email,
        date: try reader.requiredDate(.issueDate))
      row.customID = try reader.text(.security)
      switch header.kind {
      case .safe, .note:
        guard let amount = try reader.ratio(.amount), amount > .zero else {
          throw ImportError(
            location: reader.location(.amount), message: "expected a positive amount")
        }
        row.amount = amount
        row.cap = try reader.ratio(.cap)
        row.discount = try Self.fraction(reader, .discount)
        if header.kind == .note {
          guard let rate = try Self.fraction(reader, .rate) else {
            throw ImportError(
              location: reader.location(.rate),
              message: "expected the note's interest rate (8% or 0.08), found nothing")
          }
          row.rate = rate
          row.maturity = try reader.date(.maturity, required: false)
        } else {
          switch try reader.text(.safeType).map({ SheetColumn.normalize($0) }) {
          case let text? where text.contains("pre"): row.safeKind = .preMoney
          case let text? where text.contains("post"): row.safeKind = .postMoney
          case nil: typeAssumed = true
          case let text?:
            throw ImportError(
              location: reader.location(.safeType),
              message: "found '\(text)', expected Post-money or Pre-money")
          }
          row.mostFavoredNation = try Self.flag(reader, .mfn)
          row.proRata = try Self.flag(reader, .proRata)
        }
      case .warrant:
        row.className = try reader.text(.shareClass)
        row.quantity = try reader.shares(.quantity)
        guard let strike = try reader.ratio(.strike) else {
          throw ImportError(
            location: reader.location(.strike), message: "expected the exercise price")
        }
        row.strike = strike
        row.expires = try reader.date(.expires, required: false)
      }
      for column in [InstrumentColumn.issueDate, .maturity, .expires]
      where reader.assumedUSOrder(column) {
        usOrder.append(reader.location(column))
      }
      rows.append(row)
    }
    if let first = usOrder.first {
      notes.append(
        "dates written with slashes read month first (MM/DD/YYYY), e.g. \(first); "
          + "--date-format dmy reads them day first")
    }
    guard !rows.isEmpty else {
      throw ImportError(
        location: sheet, message: "no \(header.kind.rawValue)s below row \(header.row)")
    }
    if typeAssumed {
      notes.append("no SAFE type column (Post-money / Pre-money): post-money SAFEs (the YC form)")
    }
    if header.kind == .note {
      notes.append("notes: simple interest, actual/365 (the `capstan note add` defaults)")
    }
    for index in totals.indices {
      let total = totals[index]
      if !total.matches {
        warnings.append(
          SheetImport.Warning(
            location: "\(grid.location(column: header.columns[figureColumn] ?? 0, row: total.row))",
            message:
              "'\(total.label)' states \(show(total.stated)) but the rows add up to "
              + show(total.rows)))
      }
    }
  }

  /// A figure of this sheet's kind: money for SAFEs and notes, shares for warrants.
  public func show(_ figure: Ratio) -> String {
    kind == .warrant
      ? Shares(Int64(clamping: figure.floor)).formatted : Money(figure, currency).formatted
  }

  /// The total of the rows read so far (a total row closes them).
  private mutating func readTotal(
    _ label: String, reader: ColumnReader<InstrumentColumn>, column: InstrumentColumn
  ) throws(ImportError) {
    let stated: Ratio?
    if column == .quantity {
      stated = reader.cell(.quantity) == nil ? nil : try reader.shares(.quantity).ratio
    } else {
      stated = try reader.ratio(.amount)
    }
    guard let stated else { return }
    let sum = rows.reduce(Ratio.zero) { $0 + (column == .quantity ? $1.quantity.ratio : $1.amount) }
    totals.append(Total(row: reader.row, label: label, stated: stated, rows: sum))
  }

  /// A percentage cell: `20%`, `0.2`, or a percent-formatted number cell (0.2).
  static func fraction(_ reader: ColumnReader<InstrumentColumn>, _ column: InstrumentColumn)
    throws(ImportError) -> Ratio?
  {
    guard let value = reader.cell(column) else { return nil }
    let text: String
    switch value {
    case .text(let written): text = written
    case .number(let number): text = number
    default:
      throw ImportError(
        location: reader.location(column), message: "expected a percentage like 20% or 0.2")
    }
    if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
    do {
      return try AmountParser.percentage(text, field: column.rawValue)
    } catch {
      throw ImportError(location: reader.location(column), message: "\(error)")
    }
  }

  /// A yes/no cell: Yes, No, TRUE, FALSE, X, 1, 0; empty is no.
  static func flag(_ reader: ColumnReader<InstrumentColumn>, _ column: InstrumentColumn)
    throws(ImportError) -> Bool
  {
    guard let value = reader.cell(column) else { return false }
    switch value {
    case .bool(let flag): return flag
    case .number(let number) where number == "1" || number == "0": return number == "1"
    case .text(let text):
      switch text.trimmingCharacters(in: .whitespaces).lowercased() {
      case "yes", "y", "true", "x", "✓", "1": return true
      case "no", "n", "false", "", "0", "-": return false
      default: break
      }
    default: break
    }
    throw ImportError(location: reader.location(column), message: "expected Yes or No")
  }

  /// Person or institution: the column, the details sheet, or the name's words (noted).
  static func kind(
    _ holder: String, reader: ColumnReader<InstrumentColumn>, details: SheetHolderDetails?,
    notes: inout [String]
  ) throws(ImportError) -> Stakeholder.Kind {
    if let text = try reader.text(.holderKind) {
      guard let kind = SheetHolderKind.parse(text) else {
        throw ImportError(
          location: reader.location(.holderKind),
          message: "found '\(text)', expected Individual or Entity (Institution, Fund, Company)")
      }
      return kind
    }
    if let kind = details?.entries[holder.lowercased()]?.kind { return kind }
    if let word = SheetHolderKind.inferred(from: holder) {
      let note = "\(holder): institution (the name has '\(word)')"
      if !notes.contains(note) { notes.append(note) }
      return .institution
    }
    return .individual
  }
}
