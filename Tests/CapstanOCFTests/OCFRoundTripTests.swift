import CapstanModel
import CapstanOCF
import Foundation
import Testing

/// A ledger that uses every event the exporter writes, exported and imported back.
@Suite("OCF export and import round trip")
struct OCFRoundTripTests {
  static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text) ?? .today() }

  /// Builds the company in a fresh workspace.
  static func build() throws -> (InMemoryWorkspace, Company) {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft -> Company in
      let company = try draft.addCompany(
        name: "Round Trip Inc", currency: .usd, incorporated: day("2024-01-01"))
      for name in ["Ada", "Cy"] { _ = try draft.addStakeholder(name: name) }
      _ = try draft.addStakeholder(name: "Bob", kind: .institution, email: "bob@example.com")
      _ = try draft.addStakeholder(name: "Fund", kind: .institution)
      _ = try draft.addClass(
        ShareClass(id: "x", name: "Common", initialAuthorized: 10_000_000), to: company.id)
      _ = try draft.addClass(
        ShareClass(
          id: "x", name: "Series Seed", kind: .preferred, initialAuthorized: 2_000_000,
          originalIssuePrice: Ratio(5, 4),
          preference: LiquidationPreference(multiple: .one, participation: .none, seniority: 2)),
        to: company.id)
      _ = try draft.addPlan(
        StockPlan(
          id: "x", name: "2024 Plan", shareClass: "common", initialReserve: 1_000_000,
          adopted: day("2024-02-01")), to: company.id)
      let vesting = VestingSchedule(start: day("2024-01-01"), totalMonths: 48, cliffMonths: 12)
      let grantVesting = VestingSchedule(start: day("2024-03-01"), totalMonths: 48, cliffMonths: 12)
      let events: [(String, LedgerEvent)] = [
        (
          "2024-01-01",
          .issueStock(
            StockIssuance(
              security: "CS-1", holder: "ada", shareClass: "common", quantity: 4_000_000,
              pricePerShare: Ratio(1, 10_000), vesting: vesting))
        ),
        (
          "2024-01-01",
          .issueStock(
            StockIssuance(
              security: "CS-2", holder: "bob", shareClass: "common", quantity: 2_000_000,
              pricePerShare: Ratio(1, 10_000)))
        ),
        (
          "2024-03-01",
          .grantOptions(
            OptionGrant(
              security: "OP-1", holder: "cy", plan: "2024-plan", quantity: 100_000,
              strike: Ratio(1, 10), vesting: grantVesting, expires: day("2034-03-01")))
        ),
        (
          "2024-04-01",
          .issueSAFE(
            SAFEIssuance(
              security: "SAFE-1", holder: "fund", purchaseAmount: Ratio(500_000),
              valuationCap: Ratio(10_000_000), discount: Ratio(1, 5), mostFavoredNation: true,
              proRata: true))
        ),
        (
          "2024-04-01",
          .issueSAFE(
            SAFEIssuance(
              security: "SAFE-2", holder: "bob", purchaseAmount: Ratio(100_000), kind: .preMoney,
              valuationCap: Ratio(6_000_000)))
        ),
        (
          "2024-04-02",
          .issueNote(
            NoteIssuance(
              security: "N-1", holder: "fund", principal: Ratio(250_000), rate: Ratio(2, 25),
              compounding: .annual, dayCount: .thirty360, valuationCap: Ratio(8_000_000),
              discount: Ratio(3, 20), capBasis: .postMoneyCompanyCapitalization))
        ),
        (
          "2024-04-03",
          .issueNote(
            NoteIssuance(
              security: "N-2", holder: "cy", principal: Ratio(50_000), rate: Ratio(1, 20),
              capBasis: .preMoneyCompanyCapitalization))
        ),
        (
          "2024-05-01",
          .issueWarrant(
            WarrantIssuance(
              security: "W-1", holder: "fund", shareClass: "common", quantity: 50_000,
              strike: Ratio(1, 2), expires: day("2030-05-01")))
        ),
        (
          "2024-06-01",
          .transfer(
            Transfer(
              security: "CS-2", to: "cy", quantity: 500_000, resultingSecurity: "CS-3",
              balanceSecurity: "CS-4"))
        ),
        (
          "2024-07-01",
          .repurchase(
            Repurchase(
              security: "CS-4", quantity: 100_000, pricePerShare: Ratio(1, 10_000),
              balanceSecurity: "CS-5"))
        ),
        (
          "2024-08-01",
          .cancel(
            Cancellation(
              security: "CS-5", quantity: 100_000, balanceSecurity: "CS-6", reason: "forfeited"))
        ),
        ("2024-09-01", .increasePool(PoolIncrease(plan: "2024-plan", quantity: 500_000))),
        (
          "2024-10-01",
          .authorizeShares(SharesAuthorization(shareClass: "common", newTotal: 20_000_000))
        ),
        (
          "2025-03-01",
          .exercise(Exercise(grant: "OP-1", quantity: 25_000, resultingSecurity: "CS-7"))
        ),
        (
          "2025-04-01",
          .cancel(
            Cancellation(
              security: "OP-1", quantity: 10_000, balanceSecurity: nil, reason: "expired"))
        ),
        (
          "2025-05-01",
          .convert(
            Conversion(
              security: "SAFE-1", resultingSecurity: "PS-1", shareClass: "series-seed",
              quantity: 400_000, pricePerShare: Ratio(5, 4)))
        ),
        (
          "2025-05-01",
          .convert(
            Conversion(
              security: "N-1", resultingSecurity: "PS-2", shareClass: "series-seed",
              quantity: 210_000, pricePerShare: Ratio(5, 4)))
        ),
        ("2025-06-01", .split(StockSplit(shareClass: "common", ratio: Ratio(2)))),
        ("2025-06-02", .increasePool(PoolIncrease(plan: "2024-plan", quantity: 100_000))),
        (
          "2025-07-01",
          .cancel(
            Cancellation(
              security: "W-1", quantity: 10_000, balanceSecurity: nil, reason: "cancelled"))
        ),
        (
          "2025-08-01",
          .cancel(
            Cancellation(security: "SAFE-2", quantity: 1, balanceSecurity: nil, reason: "repaid"))
        ),
      ]
      try draft.append(events.map { (day($0.0), $0.1) }, to: company.id)
      return company
    }
    return (workspace, company)
  }

  @Test("every event comes back identical, in the same order, and the export is valid OCF 1.2.0")
  func roundTrip() throws {
    let (workspace, company) = try Self.build()
    let ledger = try workspace.ledger(for: company.id)
    for target in ["package", "package.ocf.zip"] {
      let path = try OCFSamples.temporaryFolder().appendingPathComponent(target)
      var exporter = OCFExporter(ledger: ledger)
      _ = try exporter.write(to: path.path)
      #expect(exporter.skipped.isEmpty)
      if target == "package" { try OCFSchemaCheck.validate(path) }
      let (again, copy, plan) = try importPackage(path.path)
      #expect(plan.unmapped.isEmpty)
      #expect(plan.warnings.isEmpty, "\(plan.warnings)")
      let imported = try again.ledger(for: copy.id)
      #expect(imported.transactions.map(\.date) == ledger.transactions.map(\.date))
      for (original, back) in zip(ledger.transactions, imported.transactions) {
        #expect(back.event == original.event, "transaction \(original.sequence)")
      }
      #expect(imported.classes == ledger.classes)
      #expect(imported.plans == ledger.plans)
      #expect(imported.company.incorporated == ledger.company.incorporated)
      let stakeholders = try again.stakeholders().map { "\($0.name) \($0.kind) \($0.email ?? "")" }
      #expect(
        stakeholders == [
          "Ada individual ", "Bob institution bob@example.com", "Cy individual ",
          "Fund institution ",
        ])
    }
  }

  /// OCF's convertible `seniority` ranks convertibles among themselves only, so a rank beside a
  /// preferred tier or as debt is listed as not exported, once per SAFE or note.
  @Test func aConvertiblesRankAtAnExitIsListedAsNotExported() throws {
    let (workspace, company) = try Self.build()
    _ = try workspace.write { draft in
      try draft.append(
        [
          (
            Self.day("2025-09-01"),
            .issueSAFE(
              SAFEIssuance(
                security: "SAFE-3", holder: "bob", purchaseAmount: Ratio(50_000),
                rank: .seniority(2)))
          ),
          (
            Self.day("2025-09-01"),
            .issueNote(
              NoteIssuance(
                security: "N-3", holder: "cy", principal: Ratio(10_000), rate: Ratio(1, 20),
                rank: .debt))
          ),
        ], to: company.id)
    }
    let path = try OCFSamples.temporaryFolder().appendingPathComponent("package")
    var exporter = OCFExporter(ledger: try workspace.ledger(for: company.id))
    _ = try exporter.write(to: path.path)
    #expect(exporter.skipped == ["SAFE or note rank at an exit": 2])
  }

  /// An exercise after a split of the plan's class: the grant's strike of $0.10 is halved by
  /// the 2:1 split of 2025-06-01, so the 20,000 shares exercised on 2025-09-01 cost $0.05 each;
  /// the export records that price on the resulting issuance and the import agrees without a
  /// warning (its split adjustment finds the class's split among the package's transactions).
  @Test func anExerciseAfterASplitKeepsTheAdjustedStrike() throws {
    let (workspace, company) = try Self.build()
    _ = try workspace.write { draft in
      try draft.append(
        [
          (
            Self.day("2025-09-01"),
            .exercise(Exercise(grant: "OP-1", quantity: 20_000, resultingSecurity: "CS-8"))
          )
        ], to: company.id)
    }
    let path = try OCFSamples.temporaryFolder().appendingPathComponent("package")
    var exporter = OCFExporter(ledger: try workspace.ledger(for: company.id))
    _ = try exporter.write(to: path.path)
    let (again, copy, plan) = try importPackage(path.path)
    #expect(plan.warnings.isEmpty, "\(plan.warnings)")
    let table = try again.ledger(for: copy.id).replay(asOf: Self.day("2025-12-31"))
    let exercised = try #require(table.stock["CS-8"])
    #expect(exercised.quantity == Shares(20_000))
    #expect(exercised.pricePerShare == Ratio(1, 20))
  }
}
