import CapstanEngine
import CapstanModel

/// A waterfall's sweep or breakpoints as one view (`capstan exit --sweep | --breakpoints`):
/// the text headed by the company and the date, the CSV rows, and a dated JSON document
/// (`payouts` or `breakpoints`, `later_entries`, and `left_out_warrants` when there are any).
public struct ExitCurveView: RenderedView {
  /// Which curve the view shows.
  public enum Curve: Sendable {
    /// Payouts by class at each exit value.
    case sweep(ExitReport.Sweep)
    /// The exit values where the payout curves bend.
    case breakpoints(ExitReport.Breakpoints)
  }

  /// The curve.
  public var curve: Curve
  /// The company.
  public var company: Company
  /// The date of the cap table.
  public var asOf: CalendarDate
  /// Entries dated after `asOf`.
  public var laterEntries: LaterEntries?
  /// Warrants the waterfall leaves out (on a preferred class).
  public var leftOutWarrants: [LeftOutWarrant]

  /// The view of `curve` for `company` as of `asOf`.
  public init(
    _ curve: Curve, company: Company, asOf: CalendarDate, laterEntries: LaterEntries?,
    leftOutWarrants: [LeftOutWarrant] = []
  ) {
    self.curve = curve
    self.company = company
    self.asOf = asOf
    self.laterEntries = laterEntries
    self.leftOutWarrants = leftOutWarrants
  }

  /// The curve as text.
  public func text() -> String {
    switch curve {
    case .sweep(let sweep):
      sweep.text(company: company.name, asOf: asOf, currency: company.currency)
    case .breakpoints(let points):
      points.text(company: company.name, asOf: asOf, currency: company.currency)
    }
  }

  /// The curve's rows as CSV.
  public func csv() -> String {
    switch curve {
    case .sweep(let sweep): sweep.csv()
    case .breakpoints(let points): points.csv()
    }
  }

  /// The dated document.
  public func json() -> JSON {
    let (key, rows) =
      switch curve {
      case .sweep(let sweep): ("payouts", sweep.jsonRows())
      case .breakpoints(let points): ("breakpoints", points.jsonRows())
      }
    let document = JSON.dated(
      company: company.name, asOf: asOf, key: key, rows: rows, later: laterEntries)
    return LeftOutWarrant.adding(leftOutWarrants, to: document)
  }
}
