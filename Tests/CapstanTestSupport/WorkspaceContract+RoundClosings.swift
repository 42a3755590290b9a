import CapstanModel
import Testing

extension WorkspaceContract {
  /// The sample company's Series A closed by hand on 2026-03-01: the note N-1 converts into
  /// its sub-series `Series A-1` (60,000 at $2), Seed Fund I buys 500,000 Series A at $3, and
  /// the pool grows by 100,000.
  static func sampleClosing() -> RoundClosing {
    RoundClosing(
      date: day("2026-03-01"), newClass: NewClassTerms(name: "Series A"), price: fraction(3, 1),
      purchases: [
        RoundClosing.Purchase(
          investor: .stakeholder(SampleCompany.fund, name: "Seed Fund I"), shares: 500_000)
      ],
      conversions: [
        RoundClosing.ConversionOrder(
          security: "N-1", shares: 60_000, price: fraction(2, 1), subSeries: "Series A-1")
      ],
      poolIncrease: 100_000)
  }

  /// A close through `closeSavedRound`: a body that throws after it keeps neither the close
  /// nor its record; the close that returns keeps both, read back through another handle.
  static func roundClosingsAreRecorded(_ subject: Subject) throws {
    let company = try writeEverything(subject.workspace)
    let before = try subject.workspace.ledger(for: company)
    #expect(throws: Abandon.self) {
      try subject.workspace.write { draft in
        try draft.closeSavedRound(savedRound, closing: sampleClosing(), company: company)
        throw Abandon()
      }
    }
    #expect(try subject.reopen().roundClosings(for: company).isEmpty)
    #expect(try subject.reopen().ledger(for: company).transactions == before.transactions)
    let written = try subject.workspace.write { draft in
      try draft.closeSavedRound(savedRound, closing: sampleClosing(), company: company)
    }
    let other = try subject.reopen()
    let ledger = try other.ledger(for: company)
    let classes = ["Series A", "Series A-1"].compactMap { name in
      ledger.classes.first { $0.name == name }?.id
    }
    // The close follows the ledger's last transaction: the conversion, the purchase, an
    // authorization only when common lacks room, and the pool increase.
    let first = (before.transactions.map(\.sequence).max() ?? 0) + 1
    #expect(written.first?.sequence == first)
    #expect(written.map(\.event.kind).prefix(2) == [.conversion, .issue])
    #expect(written.last?.event.kind == .poolIncrease)
    #expect(classes.count == 2)
    #expect(
      try other.roundClosings(for: company) == [
        RoundCloseRecord(
          round: savedRound.name, date: day("2026-03-01"),
          sequences: first...(first + written.count - 1), classes: classes)
      ])
    #expect(try other.roundClosings(for: "no-such-company").isEmpty)
  }
}
