import CapstanModel

extension SampleCompany {
  /// The events recorded after `events` and `tokenEvents` (sequence 23...38) so that the
  /// ledger holds every `LedgerEvent.Kind`: the vesting events, the corrections.
  ///
  /// - 23-24: CS-30 (1,000 common to Grace) issued, then voided: replay leaves it out.
  /// - 25: OP-2, 1,200 options to Ada: 240 on "Launch", 960 over 48 months from 2026-10-05.
  /// - 26: 1,000 of OP-1's unvested options accelerated on 2026-10-06.
  /// - 27: "launch" reached for OP-2 on 2026-10-07: 240 vest (no whole month has passed, so
  ///   none of the 960).
  /// - 28: a change of control on 2026-10-08 (no grant has an acceleration clause).
  /// - 29: Ada's service on OP-2 ends on 2026-10-09 without cause: 1,200 − 240 = 960 unvested
  ///   options are cancelled (the plan retires them until the amendment of 31).
  /// - 30: the seed class votes 1 per share from 2026-10-12 (was 1/3).
  /// - 31: the plan returns cancelled options to the pool from 2026-10-13.
  /// - 32: Grace's holdings merged into Ada's on 2026-10-14.
  /// - 33: a company note on 2026-10-15 ("board minutes filed"): it changes no number, so the
  ///   snapshot after it is the snapshot of 2026-10-14.
  /// - 34: CSAFE-1, a compute-SAFE to the fund on 2026-10-16: 1,000 GPU-hours at $2.50 agreed
  ///   (at most $2,500), drawn 2026-10-16 to 2027-03-31, cap $8,000,000, discount 20 %, SLA
  ///   breaches suspend accrual. Nothing drawn yet: not among the convertibles.
  /// - 35: an SLA breach from 2026-10-20 through 2026-10-25.
  /// - 36: 100 GPU-hours drawn on 2026-10-22, inside the breach: they count against the
  ///   commitment but accrue nothing.
  /// - 37: 200 GPU-hours drawn on 2026-10-26, after it: 200 × $2.50 = $500 accrued. CSAFE-1 is
  ///   then a post-money SAFE of $500 (cap $8,000,000, discount 20 %); 1,000 − 300 = 700
  ///   GPU-hours undrawn.
  /// - 38: RS-1, revenue-share credits from the fund on 2026-10-27: $10,000 of credits repaid
  ///   at 5 % of revenue until 1.5 × $10,000 = $15,000 is paid, term ending 2028-10-27. It
  ///   changes no number of the ownership table.
  public static var laterEvents: [(date: CalendarDate, event: LedgerEvent)] {
    let launch = VestingTerms(
      start: day("2026-10-05"), periodic: PeriodicVesting(length: 48),
      milestones: [VestingMilestone(name: "Launch", amount: 240)], basis: 1_200)
    return [
      (
        day("2026-10-01"),
        .issueStock(
          StockIssuance(
            security: "CS-30", holder: grace, shareClass: commonID, quantity: 1_000,
            pricePerShare: fraction(1, 10_000)))
      ),
      (day("2026-10-02"), .void(Voiding(transaction: 23, reason: "wrong holder"))),
      (
        day("2026-10-05"),
        .grantOptions(
          OptionGrant(
            security: "OP-2", holder: ada, plan: planID, quantity: 1_200, strike: fraction(1, 4),
            vestingTerms: launch))
      ),
      (
        day("2026-10-06"),
        .accelerateVesting(AcceleratedVesting(security: "OP-1", quantity: 1_000, reason: "board"))
      ),
      (
        day("2026-10-07"),
        .reachMilestone(MilestoneAchievement(name: "launch", security: "OP-2"))
      ),
      (day("2026-10-08"), .changeOfControl(ChangeOfControl(note: "acquisition signed"))),
      (
        day("2026-10-09"),
        .terminate(Termination(holder: ada, security: "OP-2", withoutCause: true))
      ),
      (
        day("2026-10-12"),
        .amendClass(ClassAmendment(shareClass: seedID, votesPerShare: Ratio(1)))
      ),
      (
        day("2026-10-13"),
        .amendPlan(PlanAmendment(plan: planID, cancellationBehavior: .returnToPool))
      ),
      (day("2026-10-14"), .mergeHolders(HolderMerge(from: grace, into: ada))),
      (day("2026-10-15"), .noteCompany(CompanyNote(text: "board minutes filed"))),
      (
        day("2026-10-16"),
        .issueComputeSAFE(
          ComputeSAFEIssuance(
            security: "CSAFE-1", provider: fund, unit: .gpuHours, commitment: Ratio(1_000),
            agreedPrice: fraction(5, 2), windowStart: day("2026-10-16"),
            windowEnd: day("2027-03-31"), valuationCap: Ratio(8_000_000),
            discount: fraction(1, 5), slaSuspension: true))
      ),
      (
        day("2026-10-20"),
        .breachComputeSAFE(ComputeSAFEBreach(security: "CSAFE-1", through: day("2026-10-25")))
      ),
      (
        day("2026-10-22"), .drawComputeSAFE(ComputeSAFEDraw(security: "CSAFE-1", units: Ratio(100)))
      ),
      (
        day("2026-10-26"), .drawComputeSAFE(ComputeSAFEDraw(security: "CSAFE-1", units: Ratio(200)))
      ),
      (
        day("2026-10-27"),
        .issueRevenueShare(
          RevenueShareIssuance(
            security: "RS-1", provider: fund, credits: Ratio(10_000),
            percentage: fraction(1, 20), capMultiple: fraction(3, 2),
            expires: day("2028-10-27")))
      ),
    ]
  }

  /// `events`, `tokenEvents` and `laterEvents`, in recording order (sequence 1...38): every
  /// kind of ledger event at least once.
  public static var everyKindEvents: [(date: CalendarDate, event: LedgerEvent)] {
    events + tokenEvents + laterEvents
  }

  /// Adds the company as `record` does, the H100H token its compute grants use, and the
  /// events after `events`; returns the company's id.
  @discardableResult
  public static func recordEveryKind(in draft: inout WorkspaceDraft, name: String = "Acme AI")
    throws -> Company.ID
  {
    let company = try record(in: &draft, name: name)
    if try draft.tokenMarket().tokens["H100H"] == nil {
      _ = try draft.addToken(
        symbol: "H100H", issuer: "ComputeCo", unit: "H100-hour", unitsPerToken: .one,
        peg: fraction(5, 2))
    }
    try draft.append(tokenEvents + laterEvents, to: company)
    return company
  }

  /// The ledger of `recordEveryKind`, from a new in-memory workspace.
  public static func everyKindLedger() throws -> Ledger {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { try recordEveryKind(in: &$0) }
    return try workspace.ledger(for: company)
  }
}
