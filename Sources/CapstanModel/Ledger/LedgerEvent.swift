/// The registry of ledger events: every event is a case here, a `Kind` word, and a payload
/// type conforming to `LedgerEventPayload` (one file each under `Ledger/Events/`). The
/// switches over the cases are in this file only: every other layer asks the payload, through
/// `visit(_:)`, `payload` or `apply(to:on:)`, or finds its codec by `kind`.

/// What a transaction does, aligned with the Open Cap Format's transaction types.
public indirect enum LedgerEvent: Sendable, Hashable, Codable {
  /// Shares of a class issued to a holder (OCF TX_STOCK_ISSUANCE).
  case issueStock(StockIssuance)
  /// Options granted from a plan (OCF TX_EQUITY_COMPENSATION_ISSUANCE).
  case grantOptions(OptionGrant)
  /// Options or a warrant exercised into stock (OCF TX_EQUITY_COMPENSATION_EXERCISE,
  /// TX_WARRANT_EXERCISE).
  case exercise(Exercise)
  /// Stock transferred to another holder (OCF TX_STOCK_TRANSFER).
  case transfer(Transfer)
  /// Stock or options cancelled (OCF TX_STOCK_CANCELLATION, TX_EQUITY_COMPENSATION_CANCELLATION).
  case cancel(Cancellation)
  /// Stock bought back by the company (OCF TX_STOCK_REPURCHASE).
  case repurchase(Repurchase)
  /// A class split forward or in reverse (OCF TX_STOCK_CLASS_SPLIT).
  case split(StockSplit)
  /// A new number of authorized shares for a class (OCF TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT).
  case authorizeShares(SharesAuthorization)
  /// More shares reserved for a plan (OCF TX_STOCK_PLAN_POOL_ADJUSTMENT).
  case increasePool(PoolIncrease)
  /// A SAFE issued (OCF TX_CONVERTIBLE_ISSUANCE with a SAFE conversion mechanism).
  case issueSAFE(SAFEIssuance)
  /// A convertible note issued (OCF TX_CONVERTIBLE_ISSUANCE with a note mechanism).
  case issueNote(NoteIssuance)
  /// A warrant issued (OCF TX_WARRANT_ISSUANCE).
  case issueWarrant(WarrantIssuance)
  /// A SAFE or note converted into stock (OCF TX_CONVERTIBLE_CONVERSION).
  case convert(Conversion)
  /// A preferred class's conversion price changed by anti-dilution (OCF
  /// TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT).
  case adjustConversionPrice(ConversionPriceChange)
  /// Compute tokens granted to the company as consideration for equity.
  case grantCompute(ComputeGrant)
  /// Tokens of a compute grant redeemed for compute.
  case redeemTokens(TokenRedemption)
  /// Tokens of a compute grant sold on the secondary market.
  case sellTokens(TokenSale)
  /// Still-locked tokens of a compute grant clawed back.
  case clawbackTokens(TokenClawback)
  /// A change of control of the company (vesting acceleration).
  case changeOfControl(ChangeOfControl)
  /// A holder's service ends (vesting stops, unvested options cancelled).
  case terminate(Termination)
  /// A named vesting milestone reached (OCF TX_VESTING_EVENT).
  case reachMilestone(MilestoneAchievement)
  /// A quantity of one security's unvested shares or options vests ahead of schedule (OCF
  /// TX_VESTING_ACCELERATION).
  case accelerateVesting(AcceleratedVesting)
  /// An earlier transaction voided: replay leaves it out (a correction; OCF has no such
  /// transaction).
  case void(Voiding)
  /// A class's terms amended from a date on (a charter amendment).
  case amendClass(ClassAmendment)
  /// One stakeholder's holdings re-pointed to another (two spellings of one holder merged).
  case mergeHolders(HolderMerge)
  /// A plan's cancellation behaviour changed from a date on.
  case amendPlan(PlanAmendment)
  /// A dated note on the ledger (a board minute, a filing); it changes no number.
  case noteCompany(CompanyNote)
  /// A compute-SAFE issued: a post-money safe paid in compute drawn over a window.
  case issueComputeSAFE(ComputeSAFEIssuance)
  /// Compute drawn under a compute-SAFE (its purchase amount accrues).
  case drawComputeSAFE(ComputeSAFEDraw)
  /// A breach of a compute-SAFE's service levels (suspends accrual when the terms say so).
  case breachComputeSAFE(ComputeSAFEBreach)
  /// Revenue-share compute credits granted: repaid as a percentage of revenue up to a cap.
  case issueRevenueShare(RevenueShareIssuance)
}

extension LedgerEvent {
  /// The kinds of ledger event: the one vocabulary the layers share.
  ///
  /// The raw value is the word stored in the `kind` column, written as the Capstan XML
  /// element's name and shown by `ledger` (`issue`, `pool-increase`, ...). A layer that reads
  /// or writes events goes through this type, never through a list of its own.
  public enum Kind: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// `issueStock`.
    case issue
    /// `grantOptions`.
    case grant
    /// `exercise`.
    case exercise
    /// `transfer`.
    case transfer
    /// `cancel`.
    case cancel
    /// `repurchase`.
    case repurchase
    /// `split`.
    case split
    /// `authorizeShares`.
    case authorize
    /// `increasePool`.
    case poolIncrease = "pool-increase"
    /// `issueSAFE`.
    case safe
    /// `issueNote`.
    case note
    /// `issueWarrant`.
    case warrant
    /// `convert`.
    case conversion
    /// `adjustConversionPrice`.
    case conversionPrice = "conversion-price"
    /// `grantCompute`.
    case computeGrant = "compute-grant"
    /// `redeemTokens`.
    case tokenRedeem = "token-redeem"
    /// `sellTokens`.
    case tokenSale = "token-sale"
    /// `clawbackTokens`.
    case tokenClawback = "token-clawback"
    /// `changeOfControl`.
    case changeOfControl = "change-of-control"
    /// `terminate`.
    case termination
    /// `reachMilestone`.
    case milestone
    /// `accelerateVesting`.
    case acceleration
    /// `void`.
    case void
    /// `amendClass`.
    case classAmendment = "class-amendment"
    /// `mergeHolders`.
    case holderMerge = "holder-merge"
    /// `amendPlan`.
    case planAmendment = "plan-amendment"
    /// `noteCompany`.
    case companyNote = "company-note"
    /// `issueComputeSAFE`.
    case computeSAFE = "compute-safe"
    /// `drawComputeSAFE`.
    case computeSAFEDraw = "compute-safe-draw"
    /// `breachComputeSAFE`.
    case computeSAFEBreach = "compute-safe-breach"
    /// `issueRevenueShare`.
    case revenueShare = "revenue-share"

    /// The word (`pool-increase`).
    public var description: String { rawValue }

    /// Every word, in declaration order, as a sentence's list: `issue, grant, ... or
    /// plan-amendment`.
    public static var wordList: String {
      let words = allCases.map(\.rawValue)
      return words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    }
  }

  /// The payload type of each kind: what the layers' codec tables are built from (a store
  /// or file format keeps the payload types that conform to its codec protocol).
  public static func payloadType(of kind: Kind) -> any LedgerEventPayload.Type {
    switch kind {
    case .issue: StockIssuance.self
    case .grant: OptionGrant.self
    case .exercise: Exercise.self
    case .transfer: Transfer.self
    case .cancel: Cancellation.self
    case .repurchase: Repurchase.self
    case .split: StockSplit.self
    case .authorize: SharesAuthorization.self
    case .poolIncrease: PoolIncrease.self
    case .safe: SAFEIssuance.self
    case .note: NoteIssuance.self
    case .warrant: WarrantIssuance.self
    case .conversion: Conversion.self
    case .conversionPrice: ConversionPriceChange.self
    case .computeGrant: ComputeGrant.self
    case .tokenRedeem: TokenRedemption.self
    case .tokenSale: TokenSale.self
    case .tokenClawback: TokenClawback.self
    case .changeOfControl: ChangeOfControl.self
    case .termination: Termination.self
    case .milestone: MilestoneAchievement.self
    case .acceleration: AcceleratedVesting.self
    case .void: Voiding.self
    case .classAmendment: ClassAmendment.self
    case .holderMerge: HolderMerge.self
    case .planAmendment: PlanAmendment.self
    case .companyNote: CompanyNote.self
    case .computeSAFE: ComputeSAFEIssuance.self
    case .computeSAFEDraw: ComputeSAFEDraw.self
    case .computeSAFEBreach: ComputeSAFEBreach.self
    case .revenueShare: RevenueShareIssuance.self
    }
  }

  /// The payload, as any payload (for callers that are not on a hot path; `visit(_:)` calls
  /// a generic method with the concrete payload instead).
  public var payload: any LedgerEventPayload { visit(AnyPayload()) }

  /// Calls `visitor` with the concrete payload of this event.
  @inlinable
  public func visit<Visitor: LedgerEventVisitor>(_ visitor: Visitor) -> Visitor.Output {
    switch self {
    case .issueStock(let payload): visitor.visit(payload)
    case .grantOptions(let payload): visitor.visit(payload)
    case .exercise(let payload): visitor.visit(payload)
    case .transfer(let payload): visitor.visit(payload)
    case .cancel(let payload): visitor.visit(payload)
    case .repurchase(let payload): visitor.visit(payload)
    case .split(let payload): visitor.visit(payload)
    case .authorizeShares(let payload): visitor.visit(payload)
    case .increasePool(let payload): visitor.visit(payload)
    case .issueSAFE(let payload): visitor.visit(payload)
    case .issueNote(let payload): visitor.visit(payload)
    case .issueWarrant(let payload): visitor.visit(payload)
    case .convert(let payload): visitor.visit(payload)
    case .adjustConversionPrice(let payload): visitor.visit(payload)
    case .grantCompute(let payload): visitor.visit(payload)
    case .redeemTokens(let payload): visitor.visit(payload)
    case .sellTokens(let payload): visitor.visit(payload)
    case .clawbackTokens(let payload): visitor.visit(payload)
    case .changeOfControl(let payload): visitor.visit(payload)
    case .terminate(let payload): visitor.visit(payload)
    case .reachMilestone(let payload): visitor.visit(payload)
    case .accelerateVesting(let payload): visitor.visit(payload)
    case .void(let payload): visitor.visit(payload)
    case .amendClass(let payload): visitor.visit(payload)
    case .mergeHolders(let payload): visitor.visit(payload)
    case .amendPlan(let payload): visitor.visit(payload)
    case .noteCompany(let payload): visitor.visit(payload)
    case .issueComputeSAFE(let payload): visitor.visit(payload)
    case .drawComputeSAFE(let payload): visitor.visit(payload)
    case .breachComputeSAFE(let payload): visitor.visit(payload)
    case .issueRevenueShare(let payload): visitor.visit(payload)
    }
  }

  /// Changes the snapshot as the event does. Replay's hot path: each case calls its
  /// payload's `apply(to:on:)` statically, with no existential box.
  func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    switch self {
    case .issueStock(let payload): try payload.apply(to: &table, on: date)
    case .grantOptions(let payload): try payload.apply(to: &table, on: date)
    case .exercise(let payload): try payload.apply(to: &table, on: date)
    case .transfer(let payload): try payload.apply(to: &table, on: date)
    case .cancel(let payload): try payload.apply(to: &table, on: date)
    case .repurchase(let payload): try payload.apply(to: &table, on: date)
    case .split(let payload): try payload.apply(to: &table, on: date)
    case .authorizeShares(let payload): try payload.apply(to: &table, on: date)
    case .increasePool(let payload): try payload.apply(to: &table, on: date)
    case .issueSAFE(let payload): try payload.apply(to: &table, on: date)
    case .issueNote(let payload): try payload.apply(to: &table, on: date)
    case .issueWarrant(let payload): try payload.apply(to: &table, on: date)
    case .convert(let payload): try payload.apply(to: &table, on: date)
    case .adjustConversionPrice(let payload): try payload.apply(to: &table, on: date)
    case .grantCompute(let payload): try payload.apply(to: &table, on: date)
    case .redeemTokens(let payload): try payload.apply(to: &table, on: date)
    case .sellTokens(let payload): try payload.apply(to: &table, on: date)
    case .clawbackTokens(let payload): try payload.apply(to: &table, on: date)
    case .changeOfControl(let payload): try payload.apply(to: &table, on: date)
    case .terminate(let payload): try payload.apply(to: &table, on: date)
    case .reachMilestone(let payload): try payload.apply(to: &table, on: date)
    case .accelerateVesting(let payload): try payload.apply(to: &table, on: date)
    case .void(let payload): try payload.apply(to: &table, on: date)
    case .amendClass(let payload): try payload.apply(to: &table, on: date)
    case .mergeHolders(let payload): try payload.apply(to: &table, on: date)
    case .amendPlan(let payload): try payload.apply(to: &table, on: date)
    case .noteCompany(let payload): try payload.apply(to: &table, on: date)
    case .issueComputeSAFE(let payload): try payload.apply(to: &table, on: date)
    case .drawComputeSAFE(let payload): try payload.apply(to: &table, on: date)
    case .breachComputeSAFE(let payload): try payload.apply(to: &table, on: date)
    case .issueRevenueShare(let payload): try payload.apply(to: &table, on: date)
    }
  }
}
