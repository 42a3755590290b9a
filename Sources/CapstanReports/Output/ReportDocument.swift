import CapstanModel

/// A report as data: titled sections of facts, tables and charts, rendered as text, JSON, CSV
/// or HTML by the same code for every report.
///
/// Keys (`key` of sections, facts and columns) are the stable field names of JSON and CSV,
/// documented in docs/reports.md; titles are for people and may change.
public struct ReportDocument: Sendable {
  /// The report kind (`company`, `portfolio`).
  public var kind: String
  /// The heading.
  public var title: String
  /// The date the report is as of.
  public var asOf: CalendarDate
  /// The currency money is shown in.
  public var currency: Currency
  /// The sections, in order.
  public var sections: [ReportSection]
  /// The transactions dated after `asOf` that the report leaves out (nil when none): a note
  /// under the text and HTML, `later_entries` in JSON.
  public var laterEntries: LaterEntries?

  /// A report.
  public init(
    kind: String, title: String, asOf: CalendarDate, currency: Currency,
    sections: [ReportSection]
  ) {
    self.kind = kind
    self.title = title
    self.asOf = asOf
    self.currency = currency
    self.sections = sections
  }

  /// The section with this key.
  public func section(_ key: String) -> ReportSection? { sections.first { $0.key == key } }

  /// Every chart of the report, in order.
  public var charts: [ReportChart] { sections.flatMap { $0.charts } }
}

/// One part of a report.
public struct ReportSection: Sendable {
  /// The stable field name.
  public var key: String
  /// The heading.
  public var title: String
  /// Named values (a summary).
  public var facts: [ReportFact]
  /// Tables.
  public var tables: [ReportTable]
  /// Charts (HTML only; text, JSON and CSV carry the same numbers in tables).
  public var charts: [ReportChart]
  /// Notes for people (how a number was found).
  public var notes: [String]

  /// A section.
  public init(
    key: String, title: String, facts: [ReportFact] = [], tables: [ReportTable] = [],
    charts: [ReportChart] = [], notes: [String] = []
  ) {
    self.key = key
    self.title = title
    self.facts = facts
    self.tables = tables
    self.charts = charts
    self.notes = notes
  }

  /// The fact with this key.
  public func fact(_ key: String) -> ReportCell? { facts.first { $0.key == key }?.value }

  /// The table with this key.
  public func table(_ key: String) -> ReportTable? { tables.first { $0.key == key } }
}

/// A named value.
public struct ReportFact: Sendable, Hashable {
  /// The stable field name.
  public var key: String
  /// The label for people.
  public var label: String
  /// The value.
  public var value: ReportCell

  /// A fact.
  public init(_ key: String, _ label: String, _ value: ReportCell) {
    self.key = key
    self.label = label
    self.value = value
  }
}

/// A table: columns with stable keys, rows of typed cells, and an optional totals row.
public struct ReportTable: Sendable, Hashable {
  /// One column.
  public struct Column: Sendable, Hashable {
    /// The stable field name.
    public var key: String
    /// The heading for people.
    public var title: String

    /// A column.
    public init(_ key: String, _ title: String) {
      self.key = key
      self.title = title
    }
  }

  /// The stable field name.
  public var key: String
  /// The heading (may be empty when the section's heading says it).
  public var title: String
  /// The columns.
  public var columns: [Column]
  /// The rows, each with one cell per column.
  public var rows: [[ReportCell]]
  /// The totals row, if any.
  public var totals: [ReportCell]?

  /// A table.
  public init(
    key: String, title: String = "", columns: [Column], rows: [[ReportCell]] = [],
    totals: [ReportCell]? = nil
  ) {
    self.key = key
    self.title = title
    self.columns = columns
    self.rows = rows
    self.totals = totals
  }

  /// The cell of `row` under the column `key`.
  public func cell(_ row: [ReportCell], _ key: String) -> ReportCell? {
    columns.firstIndex { $0.key == key }.flatMap { $0 < row.count ? row[$0] : nil }
  }

  /// The first row whose first cell is the text `name`.
  public func row(named name: String) -> [ReportCell]? {
    rows.first { $0.first == .text(name) }
  }
}

/// A chart drawn as inline SVG.
public struct ReportChart: Sendable, Hashable {
  /// The stable name.
  public var key: String
  /// The SVG element.
  public var svg: String

  /// A chart.
  public init(key: String, svg: String) {
    self.key = key
    self.svg = svg
  }
}
