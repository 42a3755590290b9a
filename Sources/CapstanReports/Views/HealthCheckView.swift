import CapstanEngine
import CapstanModel

/// `capstan check`: the health check's findings, each with its numbers and its fix.
public struct HealthCheckView: RenderedView {
  /// The company's name.
  public var company: String
  /// The check's date.
  public var asOf: CalendarDate
  /// The check.
  public var check: HealthCheck
  /// The entries dated after the check's date.
  public var laterEntries: LaterEntries?

  /// A view of `check`.
  public init(
    company: String, asOf: CalendarDate, check: HealthCheck, laterEntries: LaterEntries?
  ) {
    self.company = company
    self.asOf = asOf
    self.check = check
    self.laterEntries = laterEntries
  }

  private var errors: Int { check.findings.filter { $0.severity == .error }.count }

  /// Each finding with its fix, then the counts.
  public func text() -> String {
    var out = "\(company): health check as of \(asOf)\n"
    if check.findings.isEmpty { out += "No findings.\n" }
    for finding in check.findings {
      out += "\n\(finding.severity.rawValue.uppercased()) [\(finding.check)] \(finding.message)\n"
      out += "  fix: \(finding.fix)\n"
    }
    let warnings = check.findings.count - errors
    return out
      + "\n\(errors) error\(errors == 1 ? "" : "s"), "
      + "\(warnings) warning\(warnings == 1 ? "" : "s")\n"
  }

  /// The check has no rows of its own: CSV is the text.
  public func csv() -> String { text() }

  /// The counts and the findings with their numbers.
  public func json() -> JSON {
    .object([
      ("company", .string(company)), ("as_of", .string(asOf.iso)),
      ("errors", .int(Int64(errors))), ("warnings", .int(Int64(check.findings.count - errors))),
      (
        "findings",
        .array(
          check.findings.map { finding in
            .object([
              ("severity", .string(finding.severity.rawValue)),
              ("check", .string(finding.check)), ("subject", .string(finding.subject)),
              ("message", .string(finding.message)),
              ("numbers", .object(finding.numbers.map { ($0.0, .string($0.1)) })),
              ("fix", .string(finding.fix)),
            ])
          })
      ),
      ("later_entries", .laterEntries(laterEntries)),
    ])
  }
}
