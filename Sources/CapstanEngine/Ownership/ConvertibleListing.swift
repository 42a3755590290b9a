import CapstanModel

/// Every SAFE or note of a ledger with its terms and status on a date, for `safe list` and
/// `note list`.
public enum ConvertibleListing {
  /// One SAFE or note.
  public struct Row: Sendable, Hashable {
    /// The security (`SAFE-1`).
    public var security: String
    /// The stakeholder holding it: what a caller joins the row on.
    public var stakeholder: Stakeholder.ID
    /// The holder's name, for display only.
    public var holder: String
    /// The purchase amount or principal.
    public var amount: Ratio
    /// The valuation cap, if any.
    public var cap: Ratio?
    /// The discount, if any.
    public var discount: Ratio?
    /// A SAFE's type: `post-money` or `pre-money` (empty for notes).
    public var type: String = ""
    /// A SAFE's most-favoured-nation clause.
    public var mfn = false
    /// A SAFE's pro rata side letter.
    public var proRata = false
    /// A note's annual rate.
    public var rate: Ratio?
    /// A note's interest accrued to the date (while outstanding).
    public var interest: Ratio?
    /// `outstanding`, `converted 2026-03-01 into PA-1`, or `not issued yet`.
    public var status: String
  }

  /// The rows of `kind` (`safe` or `note`) issued on or before `date`, in issue order.
  public static func rows(_ ledger: Ledger, _ table: CapTable, kind: String, on date: CalendarDate)
    throws(RoundError) -> [Row]
  {
    var conversions: [SecurityID: (CalendarDate, SecurityID)] = [:]
    for transaction in ledger.effectiveTransactions where transaction.date <= date {
      if case .convert(let c) = transaction.event {
        conversions[c.security] = (transaction.date, c.resultingSecurity)
      }
    }
    func status(_ id: SecurityID) -> String {
      if table.convertibles[id] != nil { return "outstanding" }
      if let (day, into) = conversions[id] { return "converted \(day.iso) into \(into)" }
      return "closed"
    }
    var rows: [Row] = []
    for transaction in ledger.effectiveTransactions where transaction.date <= date {
      if kind == "safe", let safe = transaction.event.payload(as: SAFEIssuance.self) {
        rows.append(
          Row(
            security: safe.security.rawValue, stakeholder: safe.holder,
            holder: table.name(of: safe.holder),
            amount: safe.purchaseAmount, cap: safe.valuationCap, discount: safe.discount,
            type: safe.kind == .postMoney ? "post-money" : "pre-money",
            mfn: safe.mostFavoredNation, proRata: safe.proRata, status: status(safe.security)))
      } else if kind == "safe",
        let safe = transaction.event.payload(as: ComputeSAFEIssuance.self)
      {
        rows.append(computeSAFERow(safe, table, status: status))
      } else if kind == "note", let note = transaction.event.payload(as: NoteIssuance.self) {
        var interest: Ratio?
        if table.convertibles[note.security] != nil {
          interest =
            try ConvertibleNote(
              note, holder: .stakeholder(note.holder, name: table.name(of: note.holder)),
              issued: transaction.date
            )
            .accrual(to: max(date, transaction.date), rounding: table.company.rounding).interest
        }
        rows.append(
          Row(
            security: note.security.rawValue, stakeholder: note.holder,
            holder: table.name(of: note.holder),
            amount: note.principal, cap: note.valuationCap, discount: note.discount,
            rate: note.rate, interest: interest, status: status(note.security)))
      } else {
        continue
      }
    }
    return rows
  }
}
