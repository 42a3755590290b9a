import CapstanModel
import CapstanStore
import CapstanTestSupport
import Testing

@Suite struct RoundTripTests {
  @Test func ledgerReadBackEqualsWhatWasWritten() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/acme.capstan"
      let written = InMemoryWorkspace()
      let expectedID = try written.write { try SampleCompany.record(in: &$0) }
      do {
        let workspace = try SQLiteWorkspace.create(at: path)
        let id = try workspace.write { try SampleCompany.record(in: &$0) }
        #expect(id == expectedID)
      }
      let reopened = try SQLiteWorkspace.open(at: path)
      let expected = try written.ledger(for: expectedID)
      let loaded = try reopened.ledger(for: expectedID)

      #expect(try reopened.companies() == written.companies())
      #expect(try reopened.stakeholders() == written.stakeholders())
      #expect(loaded.company == expected.company)
      #expect(loaded.company.rounding == SampleCompany.rounding)
      #expect(loaded.stakeholders == expected.stakeholders)
      #expect(loaded.classes == expected.classes)
      #expect(loaded.plans == expected.plans)
      #expect(loaded.transactions == expected.transactions)
      #expect(loaded.transactions.map(\.sequence) == Array(1...17))
      #expect(Set(loaded.transactions.map(\.event.kind)).count == 14)
    }
  }

  /// Every compute-token event is read back equal to what was written.
  ///
  /// CG-2: 24,000 tokens, 24/6/1 from 2026-01-02. 2026-01-02 → 2026-08-01 is 6 whole months:
  /// ⌊24,000 × 6/24⌋ = 6,000 unlocked; 1,000 redeemed and 500 sold leave 4,500. On 2026-09-01
  /// (7 months) 7,000 are unlocked and 17,000 locked: the clawback takes those 17,000.
  @Test func tokenEventsReadBackEqual() throws {
    try withTemporaryFolder { folder in
      let workspace = try SQLiteWorkspace.create(at: folder + "/w.capstan")
      let memory = InMemoryWorkspace()
      for store in [workspace, memory] as [any Workspace] {
        try store.write { draft in
          let id = try SampleCompany.record(in: &draft)
          try draft.append(SampleCompany.tokenEvents, to: id)
        }
      }
      let loaded = try SQLiteWorkspace.open(at: folder + "/w.capstan").ledger(for: "acme-ai")
      #expect(loaded.transactions == (try memory.ledger(for: "acme-ai")).transactions)
      #expect(loaded.transactions.count == 17 + SampleCompany.tokenEvents.count)
      let table = try loaded.replay(asOf: day("2026-09-01"))
      let grant = try #require(table.computeGrants["CG-2"])
      #expect(grant.redeemed == 1_000 && grant.sold == 500 && grant.clawedBack == 17_000)
      #expect(grant.saleProceeds == Ratio(1_050))
    }
  }

  @Test func everyTermOfTheClassesSurvives() throws {
    try withTemporaryFolder { folder in
      let workspace = try SQLiteWorkspace.create(at: folder + "/w.capstan")
      let id = try workspace.write { try SampleCompany.record(in: &$0) }
      let classes = try workspace.ledger(for: id).classes
      #expect(classes.map(\.name) == ["Common", "Series Seed Preferred"])
      let seed = try #require(classes.last)
      #expect(seed.kind == .preferred)
      #expect(seed.initialAuthorized == 2_000_000)
      #expect(seed.originalIssuePrice == fraction(1, 2))
      #expect(seed.conversionPrice == fraction(2, 5))
      #expect(seed.preference?.multiple == fraction(3, 2))
      #expect(seed.preference?.participation == .capped(multiple: Ratio(3)))
      #expect(seed.preference?.seniority == 2)
      #expect(seed.antiDilution == .broadBasedWeightedAverage)
      #expect(seed.votesPerShare == fraction(1, 3))
      // OIP ÷ CP = 0.5 ÷ 0.4 = 5/4 common per preferred share.
      #expect(seed.initialConversionRatio == fraction(5, 4))
      let common = try #require(classes.first)
      #expect(common.preference == nil && common.originalIssuePrice == nil)
      #expect(common.votesPerShare == .one && common.antiDilution == AntiDilution.none)
    }
  }

  @Test(arguments: [
    Participation.none, .full, .capped(multiple: fraction(5, 2)),
    .capped(multiple: fraction(10, 3)),
  ])
  func participationSurvives(_ participation: Participation) throws {
    try withTemporaryFolder { folder in
      let workspace = try SQLiteWorkspace.create(at: folder + "/w.capstan")
      let template = ShareClass(
        id: "x", name: "Series A", kind: .preferred, initialAuthorized: 1_000,
        originalIssuePrice: fraction(7, 3),
        preference: LiquidationPreference(multiple: .one, participation: participation),
        antiDilution: .fullRatchet)
      let added = try workspace.write { draft in
        let company = try draft.addCompany(
          name: "Beta", currency: Currency(code: "eur") ?? .usd, incorporated: day("2020-02-29"))
        return try draft.addClass(template, to: company.id)
      }
      let loaded = try workspace.ledger(for: "beta").classes
      #expect(loaded == [added])
      #expect(loaded.first?.preference?.participation == participation)
      #expect(loaded.first?.conversionPrice == nil)
      #expect(try workspace.companies().first?.currency.code == "EUR")
    }
  }

  @Test func replayGivesTheSameNumbers() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/acme.capstan"
      do {
        let workspace = try SQLiteWorkspace.create(at: path)
        try workspace.write { try SampleCompany.record(in: &$0) }
      }
      let table = try SQLiteWorkspace.open(at: path).ledger(for: "acme-ai").replay()
      #expect(table.asOf == day("2025-12-02"))

      // Common before the split: 4,000,000 (CS-1) + 500,000 (CS-4) + 1,400,000 (CS-6)
      // + 40,000 (CS-7) = 5,940,000; the 2:1 split doubles every position; then the SAFE
      // converts into 100,000 (CS-20).
      let stock = table.stock.mapValues(\.quantity)
      #expect(
        stock == [
          "CS-1": 8_000_000, "CS-4": 1_000_000, "CS-6": 2_800_000, "CS-7": 80_000,
          "CS-20": 100_000, "PS-1": 1_000_000,
        ])
      #expect(table.stock["CS-1"]?.pricePerShare == fraction(1, 20_000))  // 0.0001 ÷ 2
      #expect(table.stock["CS-7"]?.pricePerShare == fraction(1, 8))  // 0.25 ÷ 2
      #expect(table.stock["CS-1"]?.vesting?.notation == "48/12/1")

      let common = try #require(table.classes[SampleCompany.commonID])
      #expect(common.outstanding == 11_980_000)  // 11,880,000 + 100,000 converted
      #expect(table.convertibles.keys.sorted() == ["N-1"])
      #expect(table.warrants["W-1"]?.outstanding == 10_000)
      #expect(common.authorized == 50_000_000)  // 25,000,000 × 2
      let seed = try #require(table.classes[SampleCompany.seedID])
      #expect(seed.outstanding == 1_000_000)
      #expect(seed.conversionRatio == fraction(25, 8))  // 5/4, doubled by the split, × 0.20/0.16

      // Pool: 1,000,000 − 200,000 granted = 800,000, ×2 = 1,600,000, + 300,000.
      // OP-1: 200,000 − 50,000 exercised − 30,000 retired = 120,000 outstanding, ×2.
      let plan = try #require(table.plans[SampleCompany.planID])
      #expect(plan.available == 1_900_000)
      #expect(plan.optionsOutstanding == 240_000)
      #expect(plan.exercised == 100_000)
      let grant = try #require(table.options["OP-1"])
      #expect(grant.granted == 400_000)
      #expect(grant.outstanding == 240_000)
      #expect(grant.strike == fraction(1, 8))
      #expect(grant.expires == day("2034-02-28"))
    }
  }

  @Test func backDatedTransactionsLoadInReplayOrder() throws {
    try withTemporaryFolder { folder in
      let workspace = try SQLiteWorkspace.create(at: folder + "/w.capstan")
      let inMemory = InMemoryWorkspace()
      // Recorded 13th, dated before everything but the founders' stock.
      let backDated = (
        date: day("2024-01-25"),
        event: LedgerEvent.issueStock(
          StockIssuance(
            security: "CS-8", holder: SampleCompany.ada, shareClass: SampleCompany.commonID,
            quantity: 1_000, pricePerShare: fraction(1, 1_000)))
      )
      for store in [workspace, inMemory] as [any Workspace] {
        let id = try store.write { try SampleCompany.record(in: &$0) }
        _ = try store.write { draft in try draft.append([backDated], to: id) }
      }
      let loaded = try workspace.ledger(for: "acme-ai").transactions
      #expect(
        loaded.map(\.sequence) == [1, 2, 18, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17])
      #expect(loaded == (try inMemory.ledger(for: "acme-ai").transactions))
    }
  }
}
