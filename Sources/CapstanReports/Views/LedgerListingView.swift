import CapstanEngine
import CapstanModel

/// `capstan ledger`: the transactions in date order, voided ones struck through.
public struct LedgerListingView: RenderedView {
  /// The company's name.
  public var company: String
  /// The entries shown.
  public var entries: [LedgerEntry]
  /// Voided entries left out (the text says how many).
  public var hiddenVoided: Int
  /// The listing has no date of its own: nil.
  public var laterEntries: LaterEntries? { nil }

  /// The listing of `entries`; voided ones are left out (and counted) unless `includeVoided`.
  public init(company: String, entries: [LedgerEntry], includeVoided: Bool) {
    self.company = company
    self.entries = includeVoided ? entries : entries.filter { $0.voidedBy == nil }
    self.hiddenVoided = entries.count - self.entries.count
  }

  /// Text struck through with combining long strokes.
  public static func struck(_ text: String) -> String {
    String(text.flatMap { [$0, "\u{0336}"] })
  }

  /// The text table (an ID column only when some security has a custom id; details wrapped to
  /// fit 100 columns), then the count of voided entries left out.
  public func text() -> String {
    let hidden =
      hiddenVoided == 0
      ? ""
      : "\(hiddenVoided) voided transaction\(hiddenVoided == 1 ? "" : "s") not shown; "
        + "use --include-voided.\n"
    guard !entries.isEmpty else { return "No transactions.\n" + hidden }
    let withIDs = entries.contains { $0.customID != nil }
    var table = TextTable(
      [("#", .right), ("Date", .left), ("Kind", .left), ("Security", .left)]
        + (withIDs ? [("ID", .left)] : []) + [("Details", .left)])
    for entry in entries {
      let summary =
        entry.voidedBy.map { Self.struck(entry.summary) + " (voided by \($0))" } ?? entry.summary
      table.add(
        [String(entry.sequence), entry.date.iso, entry.kind.rawValue, entry.security ?? ""]
          + (withIDs ? [entry.customID ?? ""] : []) + [summary])
    }
    return "\(company): ledger\n\n" + table.wrappingLastColumn().render() + hidden
  }

  /// The CSV rows.
  public func csv() -> String {
    CSV.render(
      header: [
        "sequence", "date", "kind", "security", "holder", "quantity", "details", "voided_by",
        "custom_id",
      ],
      rows: entries.map {
        [
          String($0.sequence), $0.date.iso, $0.kind.rawValue, $0.security ?? "", $0.holder ?? "",
          $0.quantity.map { String($0.count) } ?? "", $0.summary,
          $0.voidedBy.map(String.init) ?? "", $0.customID ?? "",
        ]
      })
  }

  /// The JSON array of entries.
  public func json() -> JSON {
    .array(
      entries.map {
        .object([
          ("sequence", .int(Int64($0.sequence))), ("date", .string($0.date.iso)),
          ("kind", .string($0.kind.rawValue)),
          ("security", .optional($0.security)), ("holder", .optional($0.holder)),
          ("quantity", $0.quantity.map { .int($0.count) } ?? .null),
          ("details", .string($0.summary)),
          ("voided_by", $0.voidedBy.map { .int(Int64($0)) } ?? .null),
          ("custom_id", .optional($0.customID)),
        ])
      })
  }
}
