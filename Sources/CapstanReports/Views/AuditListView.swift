import CapstanModel

/// `capstan audit` and the server's `GET /audit`: who wrote what, when, from where.
public struct AuditListView: RenderedView {
  /// The records, oldest first.
  public var records: [AuditRecord]
  /// A list has no date: nil.
  public var laterEntries: LaterEntries? { nil }

  /// A list of `records`.
  public init(_ records: [AuditRecord]) { self.records = records }

  /// The records whose company is `company` (when given) and that are on or after `since`.
  public static func filtered(
    _ records: [AuditRecord], company: Company.ID?, since: CalendarDate?
  ) -> [AuditRecord] {
    records.filter { record in
      (company == nil || record.company == company)
        && (since.map { record.at >= $0.iso } ?? true)
    }
  }

  /// The CSV and JSON fields.
  public static let header = [
    "at", "who", "from", "request", "company", "action", "first_sequence", "last_sequence", "id",
  ]

  private func fields(_ record: AuditRecord) -> [String] {
    [
      record.at, record.who, record.from, record.requestID, record.company?.rawValue ?? "",
      record.action, record.sequences.map { String($0.lowerBound) } ?? "",
      record.sequences.map { String($0.upperBound) } ?? "", record.id,
    ]
  }

  /// The text table.
  public func text() -> String {
    guard !records.isEmpty else { return "No audit records.\n" }
    var table = TextTable([
      ("When (UTC)", .left), ("Who", .left), ("From", .left), ("Company", .left),
      ("Action", .left), ("Transactions", .left),
    ])
    for record in records {
      let sequences =
        record.sequences.map {
          $0.count == 1 ? "#\($0.lowerBound)" : "#\($0.lowerBound)-\($0.upperBound)"
        }
        ?? ""
      table.add([
        record.at, record.who, record.from, record.company?.rawValue ?? "", record.action,
        sequences,
      ])
    }
    return table.render()
  }

  /// The CSV rows.
  public func csv() -> String {
    CSV.render(header: Self.header, rows: records.map(fields))
  }

  /// `{"audit": [...]}`: sequences as integers, an absent company or range as null.
  public func json() -> JSON {
    .object([
      (
        "audit",
        .array(
          records.map { record in
            .object([
              ("at", .string(record.at)), ("who", .string(record.who)),
              ("from", .string(record.from)), ("request", .string(record.requestID)),
              ("company", record.company.map { .string($0.rawValue) } ?? .null),
              ("action", .string(record.action)),
              ("first_sequence", record.sequences.map { .int(Int64($0.lowerBound)) } ?? .null),
              ("last_sequence", record.sequences.map { .int(Int64($0.upperBound)) } ?? .null),
              ("id", .string(record.id)),
            ])
          })
      )
    ])
  }
}
