import CapstanModel
import CapstanOCF
import Foundation
import Testing

/// Richer vesting terms and vesting events exported to OCF 1.2.0 and imported back give the
/// same vesting numbers (the events become what OCF can say: TX_VESTING_EVENT,
/// TX_VESTING_ACCELERATION and, for a termination, the cancellation of the unvested options).
@Suite("OCF export of vesting terms and events")
struct OCFVestingRoundTripTests {
  static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text) ?? .today() }

  static func build() throws -> (InMemoryWorkspace, Company) {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft -> Company in
      let company = try draft.addCompany(
        name: "Vest Co", currency: .usd, incorporated: day("2024-12-01"))
      for name in ["Ada", "Bob", "Cy"] { _ = try draft.addStakeholder(name: name) }
      _ = try draft.addClass(
        ShareClass(id: "x", name: "Common", initialAuthorized: 10_000_000), to: company.id)
      _ = try draft.addPlan(
        StockPlan(
          id: "x", name: "Plan", shareClass: "common", initialReserve: 100_000,
          adopted: day("2024-12-01")), to: company.id)
      let start = day("2025-01-01")
      func grant(
        _ id: SecurityID, _ holder: Stakeholder.ID, _ quantity: Shares, _ terms: VestingTerms?,
        plain: VestingSchedule? = nil
      ) -> LedgerEvent {
        .grantOptions(
          OptionGrant(
            security: id, holder: holder, plan: "plan", quantity: quantity, strike: Ratio(1, 10),
            vesting: plain, vestingTerms: terms))
      }
      let events: [(String, LedgerEvent)] = [
        // 10/20/30/40 yearly.
        (
          "2025-01-01",
          grant(
            "OP-1", "ada", 1_000,
            VestingTerms(
              start: start,
              tranches: [
                VestingTranche(date: day("2026-01-01"), amount: 100),
                VestingTranche(date: day("2027-01-01"), amount: 200),
                VestingTranche(date: day("2028-01-01"), amount: 300),
                VestingTranche(date: day("2029-01-01"), amount: 400),
              ], basis: 1_000))
        ),
        // 48/12/1 front loaded on 900, a milestone of 100, single trigger at 50 %.
        (
          "2025-01-01",
          grant(
            "OP-2", "bob", 1_000,
            VestingTerms(
              start: start, periodic: PeriodicVesting(length: 48, frequency: 1, cliff: 12),
              allocation: .frontLoaded,
              milestones: [VestingMilestone(name: "FDA approval", amount: 100)], basis: 1_000,
              acceleration: VestingAcceleration(trigger: .single, fraction: Ratio(1, 2))))
        ),
        (
          "2025-01-01",
          grant(
            "OP-3", "cy", 4_800, nil,
            plain: VestingSchedule(start: start, totalMonths: 48, cliffMonths: 12))
        ),
        // 10 months, every 3 (not whole installments): spelled out as dated tranches.
        (
          "2025-01-01",
          grant(
            "OP-4", "ada", 1_000,
            VestingTerms(start: start, periodic: PeriodicVesting(length: 10, frequency: 3)))
        ),
        // Double trigger within 12 months.
        (
          "2025-01-01",
          grant(
            "OP-5", "bob", 2_000,
            VestingTerms(
              start: start, periodic: PeriodicVesting(length: 48, frequency: 1, cliff: 12),
              acceleration: VestingAcceleration(trigger: .double(windowMonths: 12))))
        ),
        // Restricted stock over 700 days, a quarter at the 70-day cliff, weekly, rounded.
        (
          "2025-01-01",
          .issueStock(
            StockIssuance(
              security: "CS-1", holder: "cy", shareClass: "common", quantity: 7_000,
              pricePerShare: Ratio(1, 1000),
              vestingTerms: VestingTerms(
                start: start,
                periodic: PeriodicVesting(
                  unit: .days, length: 700, frequency: 7, cliff: 70, cliffPortion: Ratio(1, 4)),
                allocation: .cumulativeRounding)))
        ),
        (
          "2025-06-01",
          .reachMilestone(MilestoneAchievement(name: "fda approval"))
        ),
        (
          "2025-07-01",
          .accelerateVesting(AcceleratedVesting(security: "OP-3", quantity: 250, reason: "board"))
        ),
        ("2025-08-01", .accelerateVesting(AcceleratedVesting(security: "CS-1", quantity: 500))),
        ("2026-06-15", .changeOfControl(ChangeOfControl(note: "sold"))),
        ("2026-09-01", .terminate(Termination(holder: "bob", withoutCause: true))),
      ]
      try draft.append(events.map { (day($0.0), $0.1) }, to: company.id)
      return company
    }
    return (workspace, company)
  }

  static let dates = [
    "2025-01-01", "2025-04-01", "2025-06-01", "2025-07-01", "2025-08-01", "2025-10-01",
    "2026-01-01", "2026-06-14", "2026-06-15", "2026-09-01", "2027-01-01", "2028-06-01",
    "2030-01-01",
  ]

  /// What vests and can be exercised, per security and date.
  static func numbers(_ table: CapTable) -> [String: Int64] {
    var out: [String: Int64] = [:]
    for date in dates.map(day) {
      for grant in table.options.values {
        out["\(grant.security) \(date) exercisable"] = grant.exercisable(asOf: date).count
      }
      for position in table.stock.values {
        out["\(position.security) \(date) vested"] = position.vested(asOf: date).count
      }
    }
    for grant in table.options.values {
      out["\(grant.security) outstanding"] = grant.outstanding.count
    }
    return out
  }

  @Test("export then import gives the same vesting numbers, and the export is valid OCF 1.2.0")
  func sameNumbers() throws {
    let (workspace, company) = try Self.build()
    let ledger = try workspace.ledger(for: company.id)
    let folder = try OCFSamples.temporaryFolder().appendingPathComponent("package")
    var exporter = OCFExporter(ledger: ledger)
    _ = try exporter.write(to: folder.path)
    #expect(
      exporter.skipped == [
        "vesting acceleration clause (its effect is exported as TX_VESTING_ACCELERATION)": 2,
        "change of control (no OCF transaction; its accelerations are exported)": 1,
        "termination (no OCF transaction; its accelerations and cancellations are exported)": 1,
      ])
    try OCFSchemaCheck.validate(folder)
    let (again, copy, plan) = try importPackage(folder.path)
    #expect(plan.unmapped.isEmpty, "\(plan.unmapped)")
    #expect(plan.warnings.isEmpty, "\(plan.warnings)")
    let imported = try again.ledger(for: copy.id)
    let original = Self.numbers(try ledger.replay())
    let back = Self.numbers(try imported.replay())
    for key in original.keys.sorted() {
      #expect(back[key] == original[key], "\(key)")
    }
    // Hand-checked anchors. OP-1: 10 % after a year. OP-3: 1,200 + 250 at month 12.
    #expect(original["OP-1 2026-01-01 exercisable"] == 100)
    #expect(original["OP-3 2026-01-01 exercisable"] == 1_450)
    // OP-2: milestone 100 (2025-06-01); at 2026-06-15 (17 months) front loaded 900 over 48:
    // 18 each + 1 for the first 36 → 17 × 19 = 323; half of the other 577 accelerates: 288;
    // 100 + 323 + 288 = 711.
    #expect(original["OP-2 2026-06-15 exercisable"] == 711)
    // The events come back as OCF can say them.
    let kinds = imported.transactions.map(\.event.kind)
    #expect(kinds.filter { $0 == .milestone }.count == 1)
    #expect(kinds.filter { $0 == .acceleration }.count == 4)
    // The terms come back the same (OP-4's as its dated installments).
    let terms = Dictionary(
      uniqueKeysWithValues: try imported.replay().options.values.map {
        ($0.security, $0.vestingTerms)
      })
    let first = try #require(terms["OP-1"] ?? nil)
    #expect(first.tranches.map(\.amount) == [100, 200, 300, 400])
    #expect(terms["OP-2"]??.allocation == .frontLoaded)
    #expect(terms["OP-2"]??.milestones == [VestingMilestone(name: "FDA approval", amount: 100)])
    // 10 months every 3: floor(1,000 × m ÷ 10) at m = 3, 6, 9, 10: 300, 600, 900, 1,000.
    #expect(terms["OP-4"]??.tranches.map(\.amount) == [300, 300, 300, 100])
  }
}
