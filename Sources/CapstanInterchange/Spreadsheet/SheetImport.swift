import CapstanModel
import Foundation

/// The holdings of one sheet, read and checked cell by cell, ready to write into a company;
/// with the classes' terms, the option pool and the totals rows the sheet gives.
public struct SheetImport: Sendable {
  /// One row: stock issued or options granted.
  public struct Holding: Sendable {
    /// The 1-based row.
    public var row: Int
    /// Where the row's quantity is, for messages.
    public var location: String
    /// The holder's name as written.
    public var holder: String
    /// The holder's e-mail.
    public var email: String?
    /// Person or institution: from a type column, else inferred from the name.
    public var holderKind: Stakeholder.Kind
    /// The class named on the row.
    public var className: String?
    /// Shares issued or options granted.
    public var quantity: Shares
    /// Issue or grant date.
    public var date: CalendarDate
    /// Price per share paid (0 for options).
    public var price: Ratio
    /// The total cost the row gives, if any.
    public var cost: Ratio?
    /// The strike of options.
    public var strike: Ratio?
    /// Vesting.
    public var vesting: VestingSchedule?
    /// Whether the row grants options.
    public var isOption: Bool
    /// The plan named on the row.
    public var plan: String?
    /// The certificate or grant id the row gives.
    public var security: String?
    /// Option expiry.
    public var expires: CalendarDate?
    /// Where the certificate or grant id is, for messages.
    public var securityLocation: String? = nil

    /// What the row paid: its Cost cell, else quantity × price.
    public var paid: Ratio { cost ?? price * quantity.ratio }
  }

  /// A row of unallocated options ("Option pool", "Available for grant").
  public struct PoolRow: Sendable {
    /// The 1-based row.
    public var row: Int
    /// Where its quantity is.
    public var location: String
    /// The label as written.
    public var label: String
    /// Options still available for grant.
    public var available: Shares
    /// The plan named on the row, if any.
    public var plan: String?
  }

  /// A warning: the file is imported, but something in it may be wrong.
  public struct Warning: Sendable, Equatable {
    /// The cell, row or item.
    public var location: String
    /// What is wrong, with the figures.
    public var message: String
  }

  /// The sheet.
  public var grid: SheetGrid
  /// Its columns.
  public var mapping: SheetMapping
  /// The rows read.
  public var holdings: [Holding] = []
  /// The pool rows.
  public var pools: [PoolRow] = []
  /// The totals and subtotals rows, each checked against the rows it adds up.
  public var totals: [SheetTotal] = []
  /// The share classes' terms given by the file (a classes sheet, or columns on the rows).
  public var classTerms: [SheetClassTerms] = []
  /// The sheet of class terms read, if any.
  public var classSheet: String?
  /// The stakeholders sheet joined by name, if any.
  public var holderDetails: SheetHolderDetails?
  /// Rows left out, with why (blank holder and quantity, a total row).
  public var skipped: [(row: Int, reason: String)] = []
  /// Assumptions made, each naming its cell or column.
  public var notes: [String] = []
  /// Warnings, each naming its cell.
  public var warnings: [Warning] = []
  /// The date an "As of" line gives, if any.
  public var asOf: CalendarDate?
  /// The company's currency, for amounts in messages.
  public var currency: Currency = .usd

  /// Reads every row below the header; `classSheet` is a "Share classes" sheet and
  /// `holderDetails` a stakeholders sheet, if any.
  public init(
    grid: SheetGrid, mapping: SheetMapping, classSheet: SheetGrid? = nil,
    holderDetails: SheetHolderDetails? = nil, dateFormat: SheetDateFormat? = nil,
    currency: Currency = .usd
  ) throws(ImportError) {
    self.grid = grid
    self.currency = currency
    self.mapping = mapping
    self.holderDetails = holderDetails
    if mapping.columns[.issueDate] == nil {
      throw ImportError(
        location: "\(grid.file), sheet \(grid.name), row \(mapping.headerRow)",
        message: "no issue date column (expected a header like Issue Date, Grant Date or Date)")
    }
    if mapping.columns[.price] == nil && mapping.columns[.cost] == nil {
      notes.append("no price or cost column: stock is recorded at a price of 0")
    }
    readTitleRows()
    var rowTerms: [SheetClassTerms] = []
    var costPriced: [Int] = []
    var usOrder: [String] = []
    for (number, cells) in grid.rows where number > mapping.headerRow {
      var byColumn: [Int: SheetGrid.Value] = [:]
      for cell in cells { byColumn[cell.column] = cell.value }
      var reader = RowReader(grid: grid, mapping: mapping, row: number, cells: byColumn)
      reader.dateFormat = dateFormat
      let holder = try reader.text(.holder)
      let quantityCell = reader.cell(.quantity)
      if holder == nil && quantityCell == nil {
        if !byColumn.isEmpty { skipped.append((number, "no holder and no quantity")) }
        continue
      }
      // A pool or subtotal label on a row with an issue date is a holder's name ("Total
      // Return Fund LP", "Pool Capital LLC").
      if let holder, let label = SheetRowLabel.classify(holder),
        label == .total || label.isAsOf || reader.cell(.issueDate) == nil
      {
        try readLabelRow(label, holder: holder, reader: reader)
        continue
      }
      guard let holder else {
        throw ImportError(
          location: reader.location(.holder), message: "expected the holder's name, found nothing")
      }
      var holding = try readHolding(holder: holder, reader: reader)
      if reader.cell(.price) == nil, let cost = holding.cost, !holding.isOption {
        holding.price = cost / holding.quantity.ratio
        costPriced.append(number)
      }
      checkCost(holding, reader: reader)
      for column in [SheetColumn.issueDate, .vestingStart, .expires]
      where reader.assumedUSOrder(column) {
        usOrder.append(reader.location(column))
      }
      if let className = holding.className, !mapping.classTerms.isEmpty {
        var terms = SheetClassTerms(name: className)
        for (column, index) in mapping.classTerms {
          guard let value = byColumn[index] else { continue }
          try terms.read(column, value, at: grid.location(column: index, row: number))
        }
        if terms.hasEconomics { rowTerms.append(terms) }
      }
      holdings.append(holding)
    }
    guard !holdings.isEmpty else {
      throw ImportError(
        location: "\(grid.file), sheet \(grid.name)",
        message: "no holdings below the header row \(mapping.headerRow)")
    }
    if let column = mapping.columns[.cost], !costPriced.isEmpty {
      let header = SheetGrid.reference(column: column, row: mapping.headerRow)
      notes.append(
        "price per share = Cost (column \(header)) ÷ shares, the sheet giving no per-share "
          + "price, on rows \(costPriced.map(String.init).joined(separator: ", "))")
    }
    if let first = usOrder.first {
      notes.append(
        "dates written with slashes read month first (MM/DD/YYYY), e.g. \(first); "
          + "--date-format dmy reads them day first")
    }
    try collectClassTerms(rowTerms: rowTerms, classSheet: classSheet)
    reconcileTotals()
  }

  private mutating func readHolding(holder: String, reader: RowReader) throws(ImportError)
    -> Holding
  {
    let typeText = try reader.text(.type)?.lowercased()
    let strike = try reader.ratio(.strike)
    if let typeText,
      typeText.contains("warrant") || typeText.contains("safe") || typeText.contains("note")
    {
      throw ImportError(
        location: reader.location(.type),
        message:
          "'\(typeText)' rows are not read from a holdings sheet (expected stock or options): "
          + "put SAFEs, notes and warrants on their own sheet (SAFEs, Convertible Notes, "
          + "Warrants) and import it with --sheet NAME")
    }
    let isOption =
      strike != nil
      || (typeText.map { $0.contains("option") || $0 == "iso" || $0 == "nso" || $0 == "nqso" }
        ?? false)
    let date = try reader.requiredDate(.issueDate)
    let start = try reader.date(.vestingStart, required: false)
    let vesting = try readVesting(reader: reader, start: start ?? date)
    var holding = Holding(
      row: reader.row, location: reader.location(.quantity), holder: holder,
      email: try reader.text(.email) ?? holderDetails?.entries[holder.lowercased()]?.email,
      holderKind: try readKind(holder: holder, reader: reader),
      className: try reader.text(.shareClass), quantity: try reader.shares(.quantity),
      date: date, price: try reader.ratio(.price) ?? .zero, cost: try reader.ratio(.cost),
      strike: strike, vesting: vesting, isOption: isOption, plan: try reader.text(.plan),
      security: try reader.text(.security), expires: try reader.date(.expires, required: false))
    if holding.security != nil { holding.securityLocation = reader.location(.security) }
    return holding
  }

  private mutating func readVesting(reader: RowReader, start: CalendarDate) throws(ImportError)
    -> VestingSchedule?
  {
    guard let text = try reader.text(.vesting) else {
      guard reader.cell(.vestingStart) != nil else { return nil }
      notes.append(
        "\(reader.location(.vestingStart)): no vesting schedule column, 48/12/1 (four years, "
          + "one-year cliff, monthly) assumed")
      return VestingSchedule(start: start, totalMonths: 48, cliffMonths: 12)
    }
    switch SheetVestingText.read(text) {
    case .schedule(let total, let cliff, let every, let assumedMonthly)?:
      if assumedMonthly {
        notes.append("\(reader.location(.vesting)): '\(text)' names no frequency; monthly assumed")
      }
      return VestingSchedule(
        start: start, totalMonths: total, cliffMonths: cliff, frequencyMonths: every)
    case .none?: return nil
    case nil:
      throw ImportError(
        location: reader.location(.vesting),
        message:
          "found '\(text)', expected vesting like 48/12/1, '4 years monthly, 1 year cliff', "
          + "'48 months / 12 month cliff' or '1/48 monthly after 1 year cliff'")
    }
  }

  private mutating func readKind(holder: String, reader: RowReader) throws(ImportError)
    -> Stakeholder.Kind
  {
    if let text = try reader.text(.holderKind) {
      guard let kind = SheetHolderKind.parse(text) else {
        throw ImportError(
          location: reader.location(.holderKind),
          message: "found '\(text)', expected Individual or Entity (Institution, Fund, Company)")
      }
      return kind
    }
    if let details = holderDetails, let kind = details.entries[holder.lowercased()]?.kind {
      return kind
    }
    if let word = SheetHolderKind.inferred(from: holder) {
      if !notes.contains(where: { $0.hasPrefix("\(holder): institution") }) {
        notes.append("\(holder): institution (the name has '\(word)')")
      }
      return .institution
    }
    return .individual
  }

  /// A Cost cell that disagrees with shares × price by more than half a cent is a warning.
  private mutating func checkCost(_ holding: Holding, reader: RowReader) {
    guard let cost = holding.cost, reader.cell(.price) != nil, !holding.isOption else { return }
    let computed = holding.price * holding.quantity.ratio
    guard (computed - cost).magnitude > Ratio(1, 200) else { return }
    warnings.append(
      Warning(
        location: reader.location(.cost),
        message:
          "Cost \(money(cost)) differs from \(holding.quantity) × "
          + "\(Price(holding.price, currency).exactString) = \(money(computed)); the price is kept"
      ))
  }

  private mutating func readTitleRows() {
    for (number, cells) in grid.rows where number < mapping.headerRow {
      for cell in cells {
        guard case .text(let text) = cell.value,
          case .asOf(let rest)? = SheetRowLabel.classify(text)
        else { continue }
        if case .success(let reading) = SheetDateText.read(
          rest.trimmingCharacters(in: CharacterSet(charactersIn: " :")), format: nil)
        {
          switch reading {
          case .unambiguous(let date), .numeric(let date, _): asOf = date
          }
        }
        skipped.append((number, "an 'As of' line above the header"))
      }
    }
  }

  private mutating func readLabelRow(_ label: SheetRowLabel, holder: String, reader: RowReader)
    throws(ImportError)
  {
    switch label {
    case .asOf:
      skipped.append((reader.row, "an 'As of' line"))
    case .total, .subtotal:
      totals.append(try SheetTotal(label: label, text: holder, reader: reader))
      skipped.append((reader.row, label == .total ? "a total row" : "a subtotal row"))
    case .pool:
      pools.append(
        PoolRow(
          row: reader.row, location: reader.location(.quantity), label: holder,
          available: try reader.shares(.quantity), plan: try reader.text(.plan)))
    }
  }

  private mutating func collectClassTerms(rowTerms: [SheetClassTerms], classSheet: SheetGrid?)
    throws(ImportError)
  {
    var merged: [SheetClassTerms] = []
    if let classSheet {
      merged = try SheetClassTerms.readSheet(classSheet, overrides: mapping.overrides)
      self.classSheet = classSheet.name
    }
    for terms in rowTerms {
      if let index = merged.firstIndex(where: { $0.name.lowercased() == terms.name.lowercased() }) {
        try merged[index].merge(terms)
      } else {
        merged.append(terms)
      }
    }
    classTerms = merged
  }

  /// `$1,000,000.00`.
  func money(_ amount: Ratio) -> String { Money(amount, currency).formatted }
}
