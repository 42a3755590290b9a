import CapstanEngine
import CapstanModel

/// `capstan table`: ownership by holder or class on a basis, with the outstanding SAFEs and
/// notes footnoted (or counted, estimated).
public struct OwnershipTableView: RenderedView {
  /// The ownership view.
  public var view: OwnershipView
  /// The outstanding convertibles and their estimate (nil: not shown).
  public var estimate: ConvertibleEstimate?
  /// The company's currency.
  public var currency: Currency
  /// The entries dated after the view's date.
  public var laterEntries: LaterEntries?

  /// A table view.
  public init(
    _ view: OwnershipView, estimate: ConvertibleEstimate?, currency: Currency,
    laterEntries: LaterEntries?
  ) {
    self.view = view
    self.estimate = estimate
    self.currency = currency
    self.laterEntries = laterEntries
  }

  /// The CSV columns; with the convertibles' estimate, `estimated` comes last.
  public static let csvHeader = [
    "name", "kind", "stock", "options", "available", "total", "fraction", "percent",
  ]

  /// The table, then the convertibles' footnote.
  public func text() -> String { tableText() + footnote() }

  /// The table alone, without the convertibles' footnote.
  public func tableText() -> String {
    let basisName =
      view.convertibles != nil
      ? "fully diluted with convertibles (estimated)"
      : view.basis == .fullyDiluted ? "fully diluted" : "outstanding"
    var out =
      "\(view.company): \(basisName), as of \(view.asOf), "
      + "by \(view.grouping == .holder ? "holder" : "class")\n"
    out += "Preferred stock is counted as converted into common.\n"
    if !view.unconverted.isEmpty {
      let one = view.unconverted.count == 1
      let names =
        one
        ? view.unconverted[0]
        : view.unconverted.dropLast().joined(separator: ", ") + " and "
          + (view.unconverted.last ?? "")
      out +=
        "\(names) \(one ? "has" : "have") no conversion right into "
        + "common: counted as \(one ? "its" : "their") own shares.\n"
    }
    out += "\n"
    guard !view.rows.isEmpty else { return out + "Nothing issued yet.\n" }
    let diluted = view.basis == .fullyDiluted
    let withEstimates = view.convertibles != nil
    var columns: [(String, TextTable.Alignment)] = [
      (view.grouping == .holder ? "Holder" : "Class", .left), ("Stock", .right),
    ]
    if diluted { columns += [("Options", .right), ("Pool", .right)] }
    if withEstimates { columns += [("Convertible*", .right)] }
    columns += [("Total", .right), (diluted ? "Fully diluted" : "Ownership", .right)]
    var table = TextTable(columns)
    func dash(_ shares: Shares) -> String { shares == .zero ? "-" : shares.formatted }
    for row in view.rows {
      var cells = [row.kind == .pool ? "\(row.name) (available)" : row.name, dash(row.stock)]
      if diluted { cells += [dash(row.options), dash(row.available)] }
      if withEstimates { cells += [dash(row.estimated)] }
      table.add(cells + [row.total.formatted, row.fraction.percentString()])
    }
    var footer = ["Total", dash(view.stockTotal)]
    if diluted { footer += [dash(view.optionsTotal), dash(view.availableTotal)] }
    if withEstimates { footer += [dash(view.estimatedTotal)] }
    table.footer = footer + [view.total.formatted, "100.00%"]
    return out + table.render()
  }

  /// The footnote under the text table: each outstanding SAFE and note, their total, and what
  /// their estimate means (empty when there are none).
  private func footnote() -> String {
    guard let estimate, !estimate.lines.isEmpty else { return "" }
    let money = { (value: Ratio) in Money(value, currency).formatted }
    let counted = view.convertibles != nil
    var out =
      counted
      ? "\n* Estimated conversions of the outstanding SAFEs and notes, "
        + (estimate.roundPrice.map { "at a round price of \(money($0)) or their cap:\n" }
          ?? "at their cap:\n")
      : "\nOutstanding convertibles, not counted above (--basis fully-diluted-with-convertibles"
        + " estimates them):\n"
    for line in estimate.lines {
      let shares =
        line.price.map { "\(line.shares.formatted) shares at \(Price($0, currency).formatted())" }
        ?? "no cap: not estimated"
      out += "  \(line.security)  \(line.holder)  \(money(line.convertingAmount))  \(shares)\n"
    }
    out += "  Total \(estimate.lines.count) outstanding, \(money(estimate.totalAmount))"
    out += counted ? ", estimated \(estimate.totalShares.formatted) shares\n" : "\n"
    return out
  }

  private static func percent(_ row: OwnershipRow) -> String {
    (row.fraction * Ratio(100)).decimalString(places: 2)
  }

  /// The CSV rows.
  public func csv() -> String {
    let estimated = view.convertibles != nil
    return CSV.render(
      header: Self.csvHeader + (estimated ? ["estimated"] : []),
      rows: view.rows.map { row in
        [
          row.name, row.kind.rawValue, String(row.stock.count), String(row.options.count),
          String(row.available.count), String(row.total.count), row.fraction.fractionString,
          Self.percent(row),
        ] + (estimated ? [String(row.estimated.count)] : [])
      })
  }

  /// The JSON document: the rows with exact fractions, the convertibles, the later entries.
  public func json() -> JSON {
    let rows: [JSON] = view.rows.map { row in
      .object([
        ("name", .string(row.name)), ("kind", .string(row.kind.rawValue)),
        ("stock", .int(row.stock.count)),
        ("options", .int(row.options.count)), ("available", .int(row.available.count)),
        ("estimated", .int(row.estimated.count)),
        ("total", .int(row.total.count)), ("fraction", .string(row.fraction.fractionString)),
        ("percent", .string(Self.percent(row))),
      ])
    }
    let outstanding: [JSON] = (estimate?.lines ?? []).map { line in
      .object([
        ("security", .string(line.security.rawValue)), ("holder", .string(line.holder)),
        ("kind", .string(line.kind)),
        ("amount", .string(line.convertingAmount.decimalString(places: 2))),
        ("price", .optional(line.price?.fractionString)),
        ("estimated_shares", .int(line.shares.count)),
      ])
    }
    return .object([
      ("company", .string(view.company)), ("as_of", .string(view.asOf.iso)),
      ("basis", .string(view.basis.rawValue)), ("by", .string(view.grouping.rawValue)),
      ("total", .int(view.total.count)), ("rows", .array(rows)),
      (
        "convertibles",
        .object([
          ("counted", .bool(view.convertibles != nil)), ("estimate", .bool(true)),
          ("round_price", .optional(estimate?.roundPrice?.fractionString)),
          ("outstanding", .array(outstanding)),
          ("estimated_shares", .int(estimate?.totalShares.count ?? 0)),
        ])
      ),
      ("later_entries", .laterEntries(laterEntries)),
    ])
  }
}
