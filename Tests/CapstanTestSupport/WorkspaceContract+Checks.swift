import CapstanModel
import Foundation
import Synchronization
import Testing

extension WorkspaceContract {
  /// A Series A saved for Acme AI: $8M pre-money, the fund ($1.5M, an existing stakeholder)
  /// and a new investor ($500K), the pool topped up to 10 %, pro rata declined by Ada, with
  /// every optional field of the terms set so that a store that drops one fails.
  public static var savedRound: SavedRound {
    var terms = RoundTerms(
      valuation: .preMoney(Ratio(8_000_000)),
      investors: [
        Investment(
          investor: "Seed Fund I", stakeholder: SampleCompany.fund, amount: Ratio(1_500_000)),
        Investment(investor: "New Angel", amount: Ratio(500_000)),
      ],
      pool: .target(fraction(1, 10)), pricingBasis: .excludingConversions,
      newClass: NewClassTerms(name: "Series A"))
    terms.proRata = [
      ProRataChoice(holder: "Ada Lovelace", stakeholder: SampleCompany.ada, take: .declined)
    ]
    terms.mfnAdoptions = ["SAFE-1": "SAFE-2"]
    terms.proRataOnTop = true
    return SavedRound(
      name: "Series A", closing: day("2026-03-01"), terms: terms,
      outcome: ["price": "1.2345/7", "pool-increase": "12345"])
  }

  static func readsBackEveryKind(_ subject: Subject) throws {
    let company = try subject.workspace.write { draft in
      try SampleCompany.recordEveryKind(in: &draft)
    }
    let ledger = try subject.reopen().ledger(for: company)
    let expected = SampleCompany.everyKindEvents
    #expect(ledger.transactions.map(\.sequence) == Array(1...expected.count))
    #expect(ledger.transactions.map(\.event) == expected.map(\.event))
    #expect(ledger.transactions.map(\.date) == expected.map(\.date))
    #expect(Set(ledger.transactions.map(\.event.kind)) == Set(LedgerEvent.Kind.allCases))
  }

  static func savedRoundsAreAtomic(_ subject: Subject) throws {
    let company = try writeEverything(subject.workspace)
    var second = savedRound
    second.name = "Bridge"
    // Rounds are listed by closing date: the bridge closes after the Series A.
    second.closing = day("2026-09-01")
    second.terms.valuation = .pricePerShare(fraction(5, 4))
    second.terms.pool = .increase(Shares(250_000))
    #expect(throws: Abandon.self) {
      try subject.workspace.write { draft in
        try draft.saveRound(second, company: company)
        throw Abandon()
      }
    }
    #expect(try subject.reopen().savedRounds(for: company) == [savedRound])
    // The name is still free, and a second round is kept after the first.
    try subject.workspace.write { draft in try draft.saveRound(second, company: company) }
    #expect(try subject.reopen().savedRounds(for: company) == [savedRound, second])
    // The same name again is refused (case-insensitive) and changes nothing.
    var again = second
    again.name = "BRIDGE"
    #expect(throws: LedgerError.self) {
      try subject.workspace.write { draft in try draft.saveRound(again, company: company) }
    }
    #expect(try subject.reopen().savedRounds(for: company).count == 2)
  }

  static func concurrentWritersToOneCompany(_ subject: Subject) throws {
    let company = try subject.workspace.write { draft in try SampleCompany.record(in: &draft) }
    let first = subject.workspace
    let second = try subject.reopen()
    let perWriter = 10
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 2) { writer in
      let workspace = writer == 0 ? first : second
      for index in 0..<perWriter {
        do {
          try workspace.write { draft in
            _ = try draft.issueStock(
              to: writer == 0 ? "Ada Lovelace" : "Grace Hopper", quantity: Shares(Int64(index + 1)),
              className: "Common", pricePerShare: .zero, date: day("2026-02-01"), vesting: nil,
              company: company)
          }
        } catch {
          failures.withLock { $0.append("writer \(writer), \(index): \(error)") }
        }
      }
    }
    #expect(failures.withLock { $0 } == [])
    let ledger = try subject.reopen().ledger(for: company)
    let base = SampleCompany.events.count
    // 17 sample transactions, then 10 from each writer: sequences 1...37, each once.
    #expect(ledger.transactions.map(\.sequence).sorted() == Array(1...(base + 2 * perWriter)))
    let added = ledger.transactions.filter { $0.sequence > base }
    for holder in [SampleCompany.ada, SampleCompany.grace] {
      // Each writer issued 1, 2, ..., 10 shares: every quantity exactly once.
      let quantities = added.compactMap { transaction -> Int64? in
        guard case .issueStock(let issuance) = transaction.event, issuance.holder == holder
        else { return nil }
        return issuance.quantity.count
      }
      #expect(quantities.sorted() == Array(1...Int64(perWriter)))
    }
  }

  static func streamingImportIsAtomic(_ subject: Subject) throws {
    let workspace = subject.workspace
    let header: (inout WorkspaceDraft) throws -> (company: Company.ID, context: Int) = { draft in
      let company = try draft.addCompany(
        name: "Acme AI", currency: .usd, incorporated: SampleCompany.incorporated,
        rounding: SampleCompany.rounding)
      try SampleCompany.addPeople(to: &draft)
      _ = try draft.addClass(SampleCompany.common, to: company.id)
      _ = try draft.addClass(SampleCompany.seed, to: company.id)
      _ = try draft.addPlan(
        StockPlan(
          id: "ignored", name: "2024 Plan", shareClass: SampleCompany.commonID,
          initialReserve: 1_000_000, adopted: day("2024-02-01"), cancellationBehavior: .retire),
        to: company.id)
      return (company.id, 42)
    }
    let all: (Int, (CalendarDate, LedgerEvent) throws -> Void) throws -> Void = { _, append in
      for (date, event) in SampleCompany.events { try append(date, event) }
    }
    // A dry run checks everything and keeps nothing.
    #expect(try workspace.importStreaming(dryRun: true, header: header, transactions: all) == 42)
    try expectEmpty(subject.reopen())
    // A ledger whose last event cannot apply (an issuance of a class the company does not
    // have) is refused whole.
    #expect(throws: (any Error).self) {
      try workspace.importStreaming(dryRun: false, header: header) { _, append in
        for (date, event) in SampleCompany.events { try append(date, event) }
        try append(
          day("2026-12-01"),
          .issueStock(
            StockIssuance(
              security: "CS-99", holder: SampleCompany.ada, shareClass: "no-such-class",
              quantity: 1, pricePerShare: .zero)))
      }
    }
    try expectEmpty(subject.reopen())
    #expect(try workspace.importStreaming(dryRun: false, header: header, transactions: all) == 42)
    let other = try subject.reopen()
    #expect(try other.companies().map(\.name) == ["Acme AI"])
    let ledger = try other.ledger(for: "acme-ai")
    #expect(ledger.transactions.map(\.event) == SampleCompany.events.map(\.event))
    #expect(ledger.transactions.map(\.sequence) == Array(1...SampleCompany.events.count))
  }
}
