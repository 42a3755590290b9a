import CapstanModel
import CapstanStore

/// Writes a synthetic ledger into a new SQLite workspace file, as the CLI would store it.
public enum SyntheticWorkspace {
  /// A stored id differs from the one the ledger uses (the draft's naming rules changed).
  public struct Mismatch: Error, CustomStringConvertible {
    /// What differs.
    public let description: String
  }

  /// Creates a workspace at `path` (which must not exist) holding the synthetic company.
  ///
  /// Everything is added in one write, and the transactions in one `append`: appending them
  /// one by one would replay a growing ledger each time.
  public static func create(at path: String, from synthetic: SyntheticLedger) throws {
    let ledger = synthetic.ledger
    let workspace = try SQLiteWorkspace.create(at: path)
    try workspace.write { draft in
      let company = try draft.addCompany(
        name: ledger.company.name, currency: ledger.company.currency,
        incorporated: ledger.company.incorporated)
      try expect(company.id, ledger.company.id)
      for stakeholder in ledger.stakeholders.values.sorted(by: { $0.id < $1.id }) {
        let added = try draft.addStakeholder(
          name: stakeholder.name, kind: stakeholder.kind, email: stakeholder.email)
        try expect(added.id, stakeholder.id)
      }
      for shareClass in ledger.classes {
        try expect(try draft.addClass(shareClass, to: company.id).id, shareClass.id)
      }
      for plan in ledger.plans {
        try expect(try draft.addPlan(plan, to: company.id).id, plan.id)
      }
      try draft.append(ledger.transactions.map { ($0.date, $0.event) }, to: company.id)
    }
  }

  private static func expect<Tag>(_ stored: Identifier<Tag>, _ wanted: Identifier<Tag>) throws {
    guard stored == wanted else {
      throw Mismatch(description: "the workspace named '\(wanted)' '\(stored)'")
    }
  }
}
