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

    /// The word (`pool-increase`).
    public var description: String { rawValue }

    /// Every word, in declaration order, as a sentence's list: `issue, grant, ... or
    /// plan-amendment`.
    public static var wordList: String {
      let words = allCases.map(\.rawValue)
      return words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    }
  }

  /// The kind of event, whose word is stored and shown (`issue`, `grant`, ...).
  public var kind: Kind {
    switch self {
    case .issueStock: .issue
    case .grantOptions: .grant
    case .exercise: .exercise
    case .transfer: .transfer
    case .cancel: .cancel
    case .repurchase: .repurchase
    case .split: .split
    case .authorizeShares: .authorize
    case .increasePool: .poolIncrease
    case .issueSAFE: .safe
    case .issueNote: .note
    case .issueWarrant: .warrant
    case .convert: .conversion
    case .adjustConversionPrice: .conversionPrice
    case .grantCompute: .computeGrant
    case .redeemTokens: .tokenRedeem
    case .sellTokens: .tokenSale
    case .clawbackTokens: .tokenClawback
    case .changeOfControl: .changeOfControl
    case .terminate: .termination
    case .reachMilestone: .milestone
    case .accelerateVesting: .acceleration
    case .void: .void
    case .amendClass: .classAmendment
    case .mergeHolders: .holderMerge
    case .amendPlan: .planAmendment
    }
  }
}
