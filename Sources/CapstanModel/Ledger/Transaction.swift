/// One dated, immutable entry of a company's ledger.
///
/// The ledger is append-only: a correction is a new transaction. Replay orders entries by
/// date, then by `sequence` (the order they were recorded in).
public struct Transaction: Sendable, Hashable, Codable, Identifiable {
  /// Recording order within the company; also the transaction's id.
  public var sequence: Int
  /// The effective date.
  public var date: CalendarDate
  /// What happened.
  public var event: LedgerEvent

  /// The transaction's id (its sequence number).
  public var id: Int { sequence }

  /// A transaction.
  public init(sequence: Int, date: CalendarDate, event: LedgerEvent) {
    self.sequence = sequence
    self.date = date
    self.event = event
  }
}

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

}

/// Shares issued to a holder, optionally restricted by a vesting schedule.
public struct StockIssuance: Sendable, Hashable, Codable {
  /// The new security's id (`CS-1`).
  public var security: SecurityID
  /// Who receives the shares.
  public var holder: Stakeholder.ID
  /// The class issued.
  public var shareClass: ShareClass.ID
  /// How many shares.
  public var quantity: Shares
  /// Price paid per share, in the company's currency.
  public var pricePerShare: Ratio
  /// Vesting of restricted stock, if any.
  public var vesting: VestingSchedule?
  /// Richer vesting terms (days, tranches, milestones, allocation, acceleration), when a plain
  /// schedule cannot say them; they take the place of `vesting`.
  public var vestingTerms: VestingTerms? {
    get { vestingTermsReference?.value }
    set { vestingTermsReference = newValue.map(VestingTermsReference.init) }
  }
  /// The richer terms, held by reference: nil for almost every issuance, one pointer otherwise.
  var vestingTermsReference: VestingTermsReference?
  /// The id people know the security by (an OCF `custom_id`, a certificate number such as
  /// `CS-1`), when it is not `security`.
  public var customID: String? = nil

  private enum CodingKeys: String, CodingKey {
    case security, holder, shareClass, quantity, pricePerShare, vesting, customID
    case vestingTermsReference = "vestingTerms"
  }

  /// An issuance.
  public init(
    security: SecurityID, holder: Stakeholder.ID, shareClass: ShareClass.ID, quantity: Shares,
    pricePerShare: Ratio, vesting: VestingSchedule? = nil, vestingTerms: VestingTerms? = nil
  ) {
    self.vestingTermsReference = vestingTerms.map(VestingTermsReference.init)
    self.security = security
    self.holder = holder
    self.shareClass = shareClass
    self.quantity = quantity
    self.pricePerShare = pricePerShare
    self.vesting = vesting
  }
}

/// Options granted to a holder from a plan's pool.
public struct OptionGrant: Sendable, Hashable, Codable {
  /// The grant's id (`OP-1`).
  public var security: SecurityID
  /// The grantee.
  public var holder: Stakeholder.ID
  /// The plan whose pool the options come from.
  public var plan: StockPlan.ID
  /// How many options.
  public var quantity: Shares
  /// Exercise price per share.
  public var strike: Ratio
  /// Vesting, if any (otherwise fully vested at grant).
  public var vesting: VestingSchedule?
  /// Last day the options can be exercised.
  public var expires: CalendarDate?
  /// Richer vesting terms (days, tranches, milestones, allocation, acceleration), when a plain
  /// schedule cannot say them; they take the place of `vesting`.
  public var vestingTerms: VestingTerms? {
    get { vestingTermsReference?.value }
    set { vestingTermsReference = newValue.map(VestingTermsReference.init) }
  }
  /// The richer terms, held by reference: nil for almost every grant, one pointer otherwise.
  var vestingTermsReference: VestingTermsReference?
  /// The id people know the security by (an OCF `custom_id`, a certificate number such as
  /// `CS-1`), when it is not `security`.
  public var customID: String? = nil

  private enum CodingKeys: String, CodingKey {
    case security, holder, plan, quantity, strike, vesting, expires, customID
    case vestingTermsReference = "vestingTerms"
  }

  /// A grant.
  public init(
    security: SecurityID, holder: Stakeholder.ID, plan: StockPlan.ID, quantity: Shares,
    strike: Ratio, vesting: VestingSchedule? = nil, expires: CalendarDate? = nil,
    vestingTerms: VestingTerms? = nil
  ) {
    self.vestingTermsReference = vestingTerms.map(VestingTermsReference.init)
    self.security = security
    self.holder = holder
    self.plan = plan
    self.quantity = quantity
    self.strike = strike
    self.vesting = vesting
    self.expires = expires
  }
}

/// Options exercised into a new stock security of the plan's class, or a warrant exercised into
/// a new stock security of the warrant's class at its exercise price.
public struct Exercise: Sendable, Hashable, Codable {
  /// The option grant or warrant exercised.
  public var grant: SecurityID
  /// How many options, or shares of the warrant.
  public var quantity: Shares
  /// The stock security issued on exercise.
  public var resultingSecurity: SecurityID
  /// The stock issued, as recorded, when it is not the exercise's own (nil: the grant's
  /// holder, the plan's or warrant's class, `quantity` shares, at the strike).
  public var issuedStock: ExercisedStock?
  /// The id people know the resulting security by (its OCF `custom_id`), when it is not
  /// `resultingSecurity`.
  public var customID: String? = nil

  /// An exercise.
  public init(
    grant: SecurityID, quantity: Shares, resultingSecurity: SecurityID,
    issuedStock: ExercisedStock? = nil
  ) {
    self.grant = grant
    self.quantity = quantity
    self.resultingSecurity = resultingSecurity
    self.issuedStock = issuedStock
  }
}

/// Stock moved to another holder; a partial transfer leaves a balance security (as in OCF).
public struct Transfer: Sendable, Hashable, Codable {
  /// The security transferred from (closed by the transfer).
  public var security: SecurityID
  /// The transferee.
  public var to: Stakeholder.ID
  /// How many shares.
  public var quantity: Shares
  /// The transferee's new security.
  public var resultingSecurity: SecurityID
  /// The transferor's remaining shares, when the transfer is partial.
  public var balanceSecurity: SecurityID?
  /// The id people know the transferee's new security by (its OCF `custom_id`), if any.
  public var resultingCustomID: String? = nil
  /// The id people know the balance security by (its OCF `custom_id`), if any.
  public var balanceCustomID: String? = nil

  /// A transfer.
  public init(
    security: SecurityID, to: Stakeholder.ID, quantity: Shares, resultingSecurity: SecurityID,
    balanceSecurity: SecurityID?
  ) {
    self.security = security
    self.to = to
    self.quantity = quantity
    self.resultingSecurity = resultingSecurity
    self.balanceSecurity = balanceSecurity
  }
}

/// Stock or options cancelled. Cancelled options return to the pool per the plan's rule.
///
/// A partial cancellation of stock closes the security and leaves a balance security;
/// a partial cancellation of options reduces the grant in place.
public struct Cancellation: Sendable, Hashable, Codable {
  /// The security cancelled.
  public var security: SecurityID
  /// How many shares or options.
  public var quantity: Shares
  /// The holder's remaining stock, when a stock cancellation is partial.
  public var balanceSecurity: SecurityID?
  /// Why (forfeiture on termination, expiry, correction).
  public var reason: String?
  /// The id people know the balance security by (its OCF `custom_id`), if any.
  public var balanceCustomID: String? = nil

  /// A cancellation.
  public init(security: SecurityID, quantity: Shares, balanceSecurity: SecurityID?, reason: String?)
  {
    self.security = security
    self.quantity = quantity
    self.balanceSecurity = balanceSecurity
    self.reason = reason
  }
}

/// Stock bought back by the company at a price; a partial repurchase leaves a balance security.
public struct Repurchase: Sendable, Hashable, Codable {
  /// The security repurchased from.
  public var security: SecurityID
  /// How many shares.
  public var quantity: Shares
  /// Price paid per share.
  public var pricePerShare: Ratio
  /// The holder's remaining shares, when partial.
  public var balanceSecurity: SecurityID?
  /// The id people know the balance security by (its OCF `custom_id`), if any.
  public var balanceCustomID: String? = nil

  /// A repurchase.
  public init(
    security: SecurityID, quantity: Shares, pricePerShare: Ratio, balanceSecurity: SecurityID?
  ) {
    self.security = security
    self.quantity = quantity
    self.pricePerShare = pricePerShare
    self.balanceSecurity = balanceSecurity
  }
}

/// A forward (2:1) or reverse (1:10) split of one class.
///
/// Every stock security and option grant on the class is multiplied by `ratio` (fractions of a
/// share are dropped per security, as cash in lieu); strikes are divided by it; the class's
/// authorized shares and the pools of its plans are multiplied too.
public struct StockSplit: Sendable, Hashable, Codable {
  /// The class split.
  public var shareClass: ShareClass.ID
  /// New shares per old share.
  public var ratio: Ratio

  /// A split.
  public init(shareClass: ShareClass.ID, ratio: Ratio) {
    self.shareClass = shareClass
    self.ratio = ratio
  }
}

/// The class's authorized shares set to a new total (a charter amendment).
public struct SharesAuthorization: Sendable, Hashable, Codable {
  /// The class.
  public var shareClass: ShareClass.ID
  /// The new total authorized.
  public var newTotal: Shares

  /// An authorization.
  public init(shareClass: ShareClass.ID, newTotal: Shares) {
    self.shareClass = shareClass
    self.newTotal = newTotal
  }
}

/// More shares reserved for a plan's pool.
public struct PoolIncrease: Sendable, Hashable, Codable {
  /// The plan.
  public var plan: StockPlan.ID
  /// Shares added to the reserve.
  public var quantity: Shares

  /// A pool increase.
  public init(plan: StockPlan.ID, quantity: Shares) {
    self.plan = plan
    self.quantity = quantity
  }
}
