import CapstanModel

/// An open stock security, as the generator tracks it.
struct OpenStock {
  var security: SecurityID
  var holder: Int
  var preferred: Bool
  var quantity: Int64
}

/// An option grant with options outstanding, as the generator tracks it.
struct OpenGrant {
  var security: SecurityID
  var holder: Int
  var granted: Int64
  var exercised: Int64 = 0
  var cancelled: Int64 = 0
  var vesting: VestingSchedule?
  var expires: CalendarDate

  var outstanding: Int64 { granted - exercised - cancelled }

  /// The ledger's rule: vested, not cancelled, not yet exercised.
  func exercisable(on date: CalendarDate) -> Int64 {
    let vested = vesting?.vested(of: Shares(granted), asOf: date).count ?? granted
    return max(0, min(vested, granted - cancelled) - exercised)
  }
}

/// Authorized and outstanding shares of one class.
struct ClassCounter {
  var authorized: Int64
  var outstanding: Int64 = 0
}

/// Writes a valid ledger by keeping its own copy of the state the replay will compute, and
/// choosing only events that state allows (raising authorized shares or the pool first when
/// an issuance or grant needs room).
struct SyntheticGenerator {
  let holders: [Stakeholder.ID]
  let count: Int
  var random: SplitMix64
  var transactions: [Transaction] = []
  var common = ClassCounter(authorized: SyntheticCompany.common.initialAuthorized.count)
  var preferred = ClassCounter(authorized: SyntheticCompany.preferred.initialAuthorized.count)
  var poolAvailable = SyntheticCompany.plan.initialReserve.count
  var poolOutstanding: Int64 = 0
  var stock: [OpenStock] = []
  var grants: [OpenGrant] = []
  var lastNumber: [String: Int] = [:]
  var securities = 0
  /// Split ratios still to come, with the transaction count at which each happens.
  var splits: [(at: Int, ratio: Int64)]

  init(holders: [Stakeholder.ID], transactions count: Int, seed: UInt64) {
    self.holders = holders
    self.count = count
    random = SplitMix64(seed: seed)
    splits = [(count * 35 / 100, 2), (count * 70 / 100, 3)]
    transactions.reserveCapacity(count + 4)
  }

  /// The date of the next transaction: evenly spread over the span, in order.
  var date: CalendarDate {
    let offset = transactions.count * SyntheticCompany.spanDays / max(1, count)
    return CalendarDate(daysSinceEpoch: SyntheticCompany.incorporatedDay + offset)
  }

  /// Shares common still has room for: authorized less outstanding and the pool's reserve.
  var commonRoom: Int64 { common.authorized - common.outstanding - poolAvailable - poolOutstanding }

  /// Generates `count` transactions.
  mutating func run() -> [Transaction] {
    while transactions.count < count {
      if let split = splits.first, transactions.count >= split.at {
        splits.removeFirst()
        splitCommon(by: split.ratio)
      } else {
        step()
      }
    }
    // A prefix of a valid ledger is valid: drop what a last step added beyond the count.
    return Array(transactions.prefix(count))
  }

  /// One event, drawn by weight; an event the state does not allow becomes an issuance.
  mutating func step() {
    let roll = random.below(1000)
    var done = true
    switch roll {
    case ..<330: done = false
    case ..<380: issuePreferred()
    case ..<720: grant()
    case ..<840: done = exercise()
    case ..<910: done = transfer()
    case ..<960: done = cancel()
    default: done = repurchase()
    }
    if !done { issueCommon() }
  }

  mutating func emit(_ event: LedgerEvent) {
    transactions.append(
      Transaction(sequence: transactions.count + 1, date: date, event: event))
  }

  /// The next id with a prefix: `CS-1`, `CS-2`, ...
  mutating func newSecurity(_ prefix: String) -> SecurityID {
    let number = lastNumber[prefix, default: 0] + 1
    lastNumber[prefix] = number
    securities += 1
    return SecurityID("\(prefix)-\(number)")
  }

  mutating func randomHolder(other holder: Int? = nil) -> Int {
    guard let holder, holders.count > 1 else { return random.below(holders.count) }
    let pick = random.below(holders.count - 1)
    return pick >= holder ? pick + 1 : pick
  }

  /// A price of `low...high` ten-thousandths.
  mutating func price(_ low: Int, _ high: Int) -> Ratio {
    Ratio(Int64(random.int(in: low...high)), 10_000)
  }

  /// A new authorized total covering `committed` shares with half as much again to spare.
  static func authorization(covering committed: Int64) -> Int64 {
    let grown = committed + committed / 2
    return (grown / 1_000_000 + 1) * 1_000_000
  }
}
