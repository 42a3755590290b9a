import CapstanModel
import Foundation
import Synchronization
import Testing

/// The checks every `Workspace` store must pass, run by each store's test target against its
/// own store (`InMemoryWorkspaceContractTests`, `SQLiteWorkspaceContractTests`).
///
/// A store is given as a `Subject`: a fresh, empty workspace, and a way to reach the same
/// workspace again (a second connection for a file, the same object in memory), so that what
/// one handle wrote is read through another.
public enum WorkspaceContract {
  /// One store under test.
  public struct Subject: Sendable {
    /// An empty workspace.
    public var workspace: any Workspace
    /// The same workspace through another handle.
    public var reopen: @Sendable () throws -> any Workspace

    /// A subject.
    public init(workspace: any Workspace, reopen: @escaping @Sendable () throws -> any Workspace) {
      self.workspace = workspace
      self.reopen = reopen
    }
  }

  /// The checks, one test case each.
  public enum Check: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// Everything written is read back, through another handle, exactly.
    case readsBackEveryWrite
    /// A body that throws leaves nothing: no company, ledger entry, valuation or record.
    case throwingBodyLeavesNothing
    /// A write refused by validation leaves nothing.
    case refusedWriteLeavesNothing
    /// Writers on two handles at once each keep all their additions, nothing twice.
    case concurrentWritersKeepEverything
    /// Each write's transactions are its batch (what `undo` voids).
    case lastBatchIsTheLastWrite
    /// A ledger holding every kind of event reads back event for event.
    case readsBackEveryKind
    /// Saved rounds read back exactly, in the atomic write: a round saved by a write that
    /// throws is not kept, and its name stays free.
    case savedRoundsAreAtomic
    /// Two writers appending to one company's ledger at once: every transaction once, the
    /// sequences 1...n without a gap or a repeat.
    case concurrentWritersToOneCompany
    /// A streamed import keeps its whole ledger, and a dry run or a refused ledger nothing.
    case streamingImportIsAtomic
    /// `ledgers(for:)` gives each company's `ledger(for:)`, in the order asked.
    case ledgersAtOnceAreEachLedger
    /// Costs to serve read back in recording order; a body that throws keeps none.
    case tokenCostsReadBack
    /// Offers read back exactly, in the atomic write; removal is a tombstone.
    case offersAreAtomic
    /// Users, roles and tokens read back exactly, in the atomic write.
    case accessReadsBack
    /// A token is found by its hash; a removed user's tokens are refused.
    case tokenFoundByHashUntilRemoved
    /// Every write appends its audit records in its own transaction.
    case writesAreAudited
    /// Replay snapshots are saved and read back; a write dropping the ones it makes stale
    /// (a backdated entry those dated on or after it, a void all), kept otherwise.
    case snapshotsFollowTheLedger
    /// A read long enough to take a checkpoint saves it through `ledger(for:)`, and the next
    /// read resumes from it.
    case readsSaveSnapshots
    /// A round close's record (its run of transactions and its classes) reads back, written in
    /// the close's atomic write: a close that throws keeps neither the close nor the record.
    case roundClosingsAreRecorded
    /// A password link works once, before it expires; passwords read back.
    case passwordLinksWorkOnce
    /// Browser sessions read back by hash until ended; expired ones are forgotten.
    case sessionsReadBackAndEnd
    /// Every ledger row a write records points at that write's audit record for its company.
    case ledgerRowsPointAtTheirAudit
    /// A copy into this store keeps the users, roles, tokens, audit records and pointers.
    case copyCarriesPeopleAndAudit

    /// The check's name in test output.
    public var testDescription: String { rawValue }
  }

  /// Runs `check` against a fresh subject.
  public static func run(_ check: Check, on subject: Subject) throws {
    switch check {
    case .readsBackEveryWrite: try readsBackEveryWrite(subject)
    case .throwingBodyLeavesNothing: try throwingBodyLeavesNothing(subject)
    case .refusedWriteLeavesNothing: try refusedWriteLeavesNothing(subject)
    case .concurrentWritersKeepEverything: try concurrentWritersKeepEverything(subject)
    case .lastBatchIsTheLastWrite: try lastBatchIsTheLastWrite(subject)
    case .readsBackEveryKind: try readsBackEveryKind(subject)
    case .savedRoundsAreAtomic: try savedRoundsAreAtomic(subject)
    case .concurrentWritersToOneCompany: try concurrentWritersToOneCompany(subject)
    case .streamingImportIsAtomic: try streamingImportIsAtomic(subject)
    case .ledgersAtOnceAreEachLedger: try ledgersAtOnceAreEachLedger(subject)
    case .tokenCostsReadBack: try tokenCostsReadBack(subject)
    case .offersAreAtomic: try offersAreAtomic(subject)
    case .accessReadsBack: try accessReadsBack(subject)
    case .tokenFoundByHashUntilRemoved: try tokenFoundByHashUntilRemoved(subject)
    case .writesAreAudited: try writesAreAudited(subject)
    case .snapshotsFollowTheLedger: try snapshotsFollowTheLedger(subject)
    case .readsSaveSnapshots: try readsSaveSnapshots(subject)
    case .roundClosingsAreRecorded: try roundClosingsAreRecorded(subject)
    case .passwordLinksWorkOnce: try passwordLinksWorkOnce(subject)
    case .sessionsReadBackAndEnd: try sessionsReadBackAndEnd(subject)
    case .ledgerRowsPointAtTheirAudit: try ledgerRowsPointAtTheirAudit(subject)
    case .copyCarriesPeopleAndAudit: try copyCarriesPeopleAndAudit(subject)
    }
  }

  /// A 409A of common on 2025-01-01 at $0.25 (a valuation with every field set).
  public static let valuation = ShareValuation(
    effective: day("2025-01-01"), shareClass: SampleCompany.commonID,
    pricePerShare: fraction(1, 4), provider: "Appraiser LLP", boardApproved: day("2025-01-15"))

  /// A seat taken, a provision taken, compute used, and the seat given up.
  public static let records = [
    ControlRecord(date: day("2025-02-01"), fact: .boardSeat(holder: SampleCompany.fund, seat: "A")),
    ControlRecord(
      date: day("2025-02-01"),
      fact: .protectiveProvision(holder: SampleCompany.fund, provision: "Veto on new classes")),
    ControlRecord(date: day("2025-06-30"), fact: .computeUse(gpuHours: fraction(40_000, 1))),
    ControlRecord(
      date: day("2025-09-01"), fact: .boardSeatEnded(holder: SampleCompany.fund, seat: "A")),
  ]

  static func writeEverything(_ workspace: any Workspace) throws -> Company.ID {
    try workspace.write { draft in
      let company = try SampleCompany.record(in: &draft)
      try draft.addValuation(valuation, to: company)
      for record in records { try draft.addControlRecord(record, to: company) }
      _ = try draft.renameStakeholder(
        SampleCompany.grace, to: "Grace B. Hopper", date: day("2025-03-01"))
      let token = try draft.addToken(
        symbol: "H100H", issuer: "Seed Fund I", unit: "H100-hour", unitsPerToken: .one,
        peg: fraction(2, 1))
      try draft.recordTokenPrices([
        TokenPriceMark(symbol: token.symbol, date: day("2025-01-02"), price: fraction(9, 4))
      ])
      try draft.saveRound(savedRound, company: company)
      return company
    }
  }

  private static func readsBackEveryWrite(_ subject: Subject) throws {
    let company = try writeEverything(subject.workspace)
    let other = try subject.reopen()
    let companies = try other.companies()
    #expect(companies.map(\.name) == ["Acme AI"])
    #expect(companies.first?.rounding == SampleCompany.rounding)
    // Three people, one renamed: the latest name is what `stakeholders()` gives.
    #expect(
      try other.stakeholders().map(\.name).sorted()
        == ["Ada Lovelace", "Grace B. Hopper", "Seed Fund I"])
    #expect(try other.stakeholderHistory().count == 1)
    let ledger = try other.ledger(for: company)
    #expect(ledger.transactions.map(\.event) == SampleCompany.events.map(\.event))
    #expect(ledger.transactions.map(\.date) == SampleCompany.events.map(\.date))
    #expect(ledger.classes.map(\.name).sorted() == ["Common", "Series Seed Preferred"])
    #expect(ledger.plans.map(\.name) == ["2024 Plan"])
    #expect(try other.valuations(for: company) == [valuation])
    #expect(try other.controlRecords(for: company) == records)
    let market = try other.tokenMarket()
    #expect(market.tokens.values.map(\.symbol) == ["H100H"])
    #expect(market.tokens["H100H"]?.peg == fraction(2, 1))
    #expect(market.tokens["H100H"]?.issuer == SampleCompany.fund)
    #expect(try other.savedRounds(for: company) == [savedRound])
    #expect(try other.lastBatch(for: company) == 1...SampleCompany.events.count)
  }

  struct Abandon: Error {}

  private static func ledgersAtOnceAreEachLedger(_ subject: Subject) throws {
    let acme = try writeEverything(subject.workspace)
    let beta = try subject.workspace.write { draft in
      try SampleCompany.record(in: &draft, name: "Beta Bio")
    }
    let other = try subject.reopen()
    #expect(try other.ledgers(for: []).isEmpty)
    let asked = [beta, acme, beta]
    let batch = try other.ledgers(for: asked)
    #expect(batch.map(\.company.id) == asked)
    #expect(batch.map(\.company.name) == ["Beta Bio", "Acme AI", "Beta Bio"])
    for (id, ledger) in zip(asked, batch) {
      let single = try other.ledger(for: id)
      #expect(ledger.company == single.company)
      #expect(ledger.transactions.map(\.event) == single.transactions.map(\.event))
      #expect(ledger.transactions.map(\.date) == single.transactions.map(\.date))
      #expect(ledger.classes.map(\.name) == single.classes.map(\.name))
      #expect(ledger.plans.map(\.name) == single.plans.map(\.name))
      #expect(ledger.stakeholders == single.stakeholders)
    }
    // Both companies hold the sample's events, each in its own ledger.
    let sampleCount = SampleCompany.events.count
    #expect(batch.map(\.transactions.count) == [sampleCount, sampleCount, sampleCount])
  }

  static func expectEmpty(_ workspace: any Workspace) throws {
    #expect(try workspace.companies().isEmpty)
    #expect(try workspace.stakeholders().isEmpty)
    #expect(try workspace.stakeholderHistory().isEmpty)
    #expect(try workspace.tokenMarket().tokens.isEmpty)
  }

  private static func throwingBodyLeavesNothing(_ subject: Subject) throws {
    #expect(throws: Abandon.self) {
      try subject.workspace.write { draft in
        _ = try SampleCompany.record(in: &draft)
        throw Abandon()
      }
    }
    try expectEmpty(subject.reopen())
    #expect(try subject.reopen().savedRounds(for: "acme-ai").isEmpty)
    // A later write starts from nothing: the same company can be added again.
    let company = try writeEverything(subject.workspace)
    #expect(try subject.reopen().valuations(for: company) == [valuation])
  }

  private static func refusedWriteLeavesNothing(_ subject: Subject) throws {
    let company = try writeEverything(subject.workspace)
    // Seed Fund I gave up seat "A" on 2025-09-01: ending it again is refused, and the
    // valuation added before the refusal in the same write is not kept.
    #expect(throws: LedgerError.self) {
      try subject.workspace.write { draft in
        try draft.addValuation(
          ShareValuation(
            effective: day("2025-10-01"), shareClass: SampleCompany.commonID,
            pricePerShare: fraction(1, 2)),
          to: company)
        try draft.addControlRecord(
          ControlRecord(
            date: day("2025-10-01"), fact: .boardSeatEnded(holder: SampleCompany.fund, seat: "A")),
          to: company)
      }
    }
    let other = try subject.reopen()
    #expect(try other.valuations(for: company) == [valuation])
    #expect(try other.controlRecords(for: company) == records)
    #expect(try other.ledger(for: company).transactions.count == SampleCompany.events.count)
  }

  private static func concurrentWritersKeepEverything(_ subject: Subject) throws {
    let first = subject.workspace
    let second = try subject.reopen()
    let perWriter = 20
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 2) { writer in
      let workspace = writer == 0 ? first : second
      for index in 0..<perWriter {
        do {
          try workspace.write { draft in
            _ = try draft.addStakeholder(name: "Writer \(writer) holder \(index)")
          }
        } catch {
          failures.withLock { $0.append("writer \(writer), \(index): \(error)") }
        }
      }
    }
    #expect(failures.withLock { $0 } == [])
    let names = try subject.reopen().stakeholders().map(\.name)
    #expect(names.count == 2 * perWriter)
    #expect(Set(names).count == 2 * perWriter)
  }

  private static func lastBatchIsTheLastWrite(_ subject: Subject) throws {
    let company = try writeEverything(subject.workspace)
    let count = SampleCompany.events.count
    #expect(try subject.reopen().lastBatch(for: company) == 1...count)
    try subject.workspace.write { draft in
      _ = try draft.addStakeholder(name: "Late Angel")
      _ = try draft.issueStock(
        to: "Late Angel", quantity: 1_000, className: "Common", pricePerShare: .zero,
        date: day("2026-01-05"), vesting: nil, company: company)
    }
    #expect(try subject.reopen().lastBatch(for: company) == (count + 1)...(count + 1))
  }
}
