import CapstanModel

/// A payload `LedgerListing` describes: every kind conforms, each with one line here that
/// forwards to its `ListingContext.describe` (`EveryKindListingTests` checks each has a summary).
protocol ListedEvent: LedgerEventPayload {
  /// Fills `entry` (security, holder, quantity, summary) and notes who holds what.
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext)
}

extension ListedEvent {
  /// Describes `event`, which is of this kind (its payload is not boxed on the way).
  static func describe(
    _ event: LedgerEvent, in entry: inout LedgerEntry, _ context: inout ListingContext
  ) {
    event.payload(as: Self.self)?.describe(in: &entry, &context)
  }
}

/// The listed payload type of every kind, by kind (from `LedgerEvent.payloadType(of:)`).
let listedEvents: [LedgerEvent.Kind: any ListedEvent.Type] = Dictionary(
  uniqueKeysWithValues: LedgerEvent.Kind.allCases.compactMap { kind in
    (LedgerEvent.payloadType(of: kind) as? any ListedEvent.Type).map { (kind, $0) }
  })

extension StockIssuance: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension OptionGrant: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension Exercise: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension Transfer: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension Cancellation: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension Repurchase: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension StockSplit: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension SharesAuthorization: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension SAFEIssuance: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension NoteIssuance: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension WarrantIssuance: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension Conversion: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension ConversionPriceChange: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension ChangeOfControl: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension Termination: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension MilestoneAchievement: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension AcceleratedVesting: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension PoolIncrease: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension Voiding: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension PlanAmendment: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension HolderMerge: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension ClassAmendment: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension ComputeGrant: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension TokenRedemption: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension TokenSale: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension TokenClawback: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.describe(self, in: &entry)
  }
}

extension CompanyNote: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    entry.summary = "note: \(text)"
  }
}
