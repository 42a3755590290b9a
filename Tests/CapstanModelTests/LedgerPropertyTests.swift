import CapstanModel
import PropertyBased
import Testing

/// One random step of a random ledger: what to try, and three numbers that pick its details.
///
/// `kind`: 0–1 issue stock, 2 grant options, 3 exercise, 4 transfer, 5 cancel stock,
/// 6 cancel options, 7 repurchase, 8 split, 9 authorize, 10 increase a pool.
struct Step: Sendable, CustomStringConvertible {
  var kind: Int
  var a: Int
  var b: Int
  var c: Int
  var description: String { "\(kind)/\(a)/\(b)/\(c)" }
}

/// Random steps; each is turned into a transaction against the ledger so far and kept only when
/// the model accepts it, so every generated ledger is valid.
let steps = zip(
  Gen.int(in: 0...10), Gen.int(in: 0...999), Gen.int(in: 0...999), Gen.int(in: 0...999)
)
.map { Step(kind: $0.0, a: $0.1, b: $0.2, c: $0.3) }
.array(of: 1...40)

/// A company with two classes, two plans (one retiring cancelled options) and four holders,
/// grown by random steps of every kind.
struct RandomLedger {
  static let incorporated = day("2025-01-01")
  static let company = Company(
    id: "random", name: "Random Inc", currency: .usd, incorporated: incorporated)
  static let holders = (0..<4).map {
    Stakeholder(id: Stakeholder.ID("h\($0)"), name: "Holder \($0)")
  }
  static let common = ShareClass(id: "common", name: "Common", initialAuthorized: 10_000_000)
  static let preferred = ShareClass(
    id: "seed", name: "Seed Preferred", kind: .preferred, initialAuthorized: 5_000_000,
    originalIssuePrice: frac(1, 1))
  static let pool = StockPlan(
    id: "pool", name: "Pool", shareClass: common.id, initialReserve: 1_000_000,
    adopted: incorporated)
  static let retiring = StockPlan(
    id: "retiring", name: "Retiring", shareClass: common.id, initialReserve: 500_000,
    adopted: incorporated, cancellationBehavior: .retire)
  static let classes = [common.id, preferred.id]
  static let plans = [pool.id, retiring.id]

  private(set) var ledger = Ledger(
    company: company, stakeholders: holders, classes: [common, preferred],
    plans: [pool, retiring])
  /// The kinds of the steps the model accepted.
  private(set) var accepted: [Int] = []
  private var nextID = 1
  private var cursor = incorporated

  init(_ steps: [Step]) {
    for step in steps { apply(step) }
  }

  private mutating func newID(_ prefix: String) -> SecurityID {
    defer { nextID += 1 }
    return SecurityID("\(prefix)-\(nextID)")
  }

  private mutating func apply(_ step: Step) {
    guard let table = try? ledger.replay() else { return }
    cursor = cursor.adding(days: step.c % 45)
    // one step in nine is back-dated somewhere between incorporation and now
    let span = Self.incorporated.days(to: cursor) + 1
    let date = step.c % 9 == 0 ? Self.incorporated.adding(days: step.b % span) : cursor
    guard let event = event(for: step, in: table, on: date) else { return }
    var candidate = ledger
    candidate.insert(Transaction(sequence: candidate.nextSequence, date: date, event: event))
    if (try? candidate.replay()) != nil {
      ledger = candidate
      accepted.append(step.kind)
    }
  }

  /// A part of `whole` picked by `n` in 0...999: at least 1, at most `whole` (when positive).
  private func part(_ whole: Shares, _ n: Int) -> Shares {
    Shares(1 + Int64(n) * max(0, whole.count - 1) / 999)
  }

  private mutating func event(for step: Step, in table: CapTable, on date: CalendarDate)
    -> LedgerEvent?
  {
    let holder = Self.holders[step.a % Self.holders.count].id
    let stock = table.stock.keys.sorted()
    let grants = table.options.keys.sorted()
    switch step.kind {
    case 0, 1:
      let vesting =
        step.c % 4 == 0
        ? VestingSchedule(start: date, totalMonths: 48, cliffMonths: 12) : nil
      return .issueStock(
        StockIssuance(
          security: newID("CS"), holder: holder, shareClass: Self.classes[step.b % 3 == 0 ? 1 : 0],
          quantity: Shares(Int64(1 + step.a * 997 + step.b)),
          pricePerShare: frac(Int64(step.c), 1000), vesting: vesting))
    case 2:
      let schedules = [
        nil, VestingSchedule(start: date, totalMonths: 48, cliffMonths: 12),
        VestingSchedule(start: date, totalMonths: 24, cliffMonths: 0, frequencyMonths: 3),
      ]
      return .grantOptions(
        OptionGrant(
          security: newID("OP"), holder: holder, plan: Self.plans[step.b % 2],
          quantity: Shares(Int64(1 + step.a * 300 + step.b)), strike: frac(Int64(step.c), 100),
          vesting: schedules[step.c % 3], expires: step.c % 5 == 0 ? date.adding(months: 24) : nil))
    case 3:
      guard !grants.isEmpty, let grant = table.options[grants[step.a % grants.count]] else {
        return nil
      }
      return .exercise(
        Exercise(
          grant: grant.security, quantity: part(grant.exercisable(asOf: date), step.b),
          resultingSecurity: newID("CS")))
    case 4, 5, 7:
      guard !stock.isEmpty, let source = table.stock[stock[step.a % stock.count]] else {
        return nil
      }
      let quantity = step.c % 3 == 0 ? source.quantity : part(source.quantity, step.c)
      let balance = newID("CS")
      switch step.kind {
      case 4:
        return .transfer(
          Transfer(
            security: source.security, to: Self.holders[step.b % Self.holders.count].id,
            quantity: quantity, resultingSecurity: newID("CS"), balanceSecurity: balance))
      case 5:
        return .cancel(
          Cancellation(
            security: source.security, quantity: quantity, balanceSecurity: balance,
            reason: nil))
      default:
        return .repurchase(
          Repurchase(
            security: source.security, quantity: quantity,
            pricePerShare: frac(Int64(step.b), 100), balanceSecurity: balance))
      }
    case 6:
      guard !grants.isEmpty, let grant = table.options[grants[step.a % grants.count]] else {
        return nil
      }
      return .cancel(
        Cancellation(
          security: grant.security, quantity: part(grant.outstanding, step.b),
          balanceSecurity: nil, reason: "forfeited"))
    case 8:
      let ratios = [frac(2, 1), frac(3, 1), frac(1, 2), frac(3, 2), frac(1, 10), frac(5, 1)]
      return .split(StockSplit(shareClass: Self.classes[step.b % 2], ratio: ratios[step.a % 6]))
    case 9:
      let shareClass = Self.classes[step.b % 2]
      guard let state = table.classes[shareClass] else { return nil }
      let committed = state.outstanding + table.reserved(for: shareClass)
      let total = step.c % 5 == 0 ? committed - 1 : committed + Shares(Int64(step.a) * 1000)
      return .authorizeShares(SharesAuthorization(shareClass: shareClass, newTotal: total))
    default:
      return .increasePool(
        PoolIncrease(plan: Self.plans[step.b % 2], quantity: Shares(Int64(1 + step.a * 500))))
    }
  }
}

/// Everything a replay computes, comparable.
struct Snapshot: Equatable {
  var asOf: CalendarDate
  var stock: [SecurityID: StockPosition]
  var options: [SecurityID: OptionPosition]
  var classes: [ShareClass.ID: [Ratio]]
  var plans: [StockPlan.ID: [Shares]]
  var used: Set<SecurityID>

  init(_ table: CapTable) {
    asOf = table.asOf
    stock = table.stock.mapValues { $0 }
    options = table.options.mapValues { $0 }
    classes = table.classes.mapValues {
      [$0.authorized.ratio, $0.outstanding.ratio, $0.conversionRatio]
    }
    plans = table.plans.mapValues { [$0.available, $0.optionsOutstanding, $0.exercised] }
    used = table.usedSecurityIDs
  }
}

/// The invariants of DESIGN.md ("Reliability") on one snapshot.
func checkInvariants(_ table: CapTable, sourceLocation: SourceLocation = #_sourceLocation) {
  for (id, state) in table.classes {
    // the holdings of a class add up to its outstanding shares
    let held = table.stock.values.filter { $0.shareClass == id }.reduce(Shares.zero) {
      $0 + $1.quantity
    }
    #expect(held == state.outstanding, "class \(id)", sourceLocation: sourceLocation)
    // issued and reserved fit under authorized
    #expect(
      state.outstanding + table.reserved(for: id) <= state.authorized, "class \(id)",
      sourceLocation: sourceLocation)
  }
  #expect(table.stock.values.allSatisfy { $0.quantity >= .zero }, sourceLocation: sourceLocation)
  for (id, plan) in table.plans {
    #expect(plan.available >= .zero, "plan \(id)", sourceLocation: sourceLocation)
    // the plan's outstanding options are its grants' outstanding options
    let outstanding = table.options.values.filter { $0.plan == id }.reduce(Shares.zero) {
      $0 + $1.outstanding
    }
    #expect(plan.optionsOutstanding == outstanding, "plan \(id)", sourceLocation: sourceLocation)
  }
  for grant in table.options.values {
    #expect(grant.outstanding >= .zero, "\(grant.security)", sourceLocation: sourceLocation)
    #expect(grant.vested(asOf: table.asOf) <= grant.granted, sourceLocation: sourceLocation)
    #expect(
      grant.exercisable(asOf: table.asOf) <= grant.outstanding, sourceLocation: sourceLocation)
  }
  // fully diluted: each holder's stock and options, and each pool's available shares
  var parts: [Ratio] = []
  for holder in table.stakeholders.keys {
    parts.append(table.stockHeld(by: holder).ratio + table.optionsHeld(by: holder).ratio)
  }
  parts += table.plans.values.map(\.available.ratio)
  let total = Ratio.sum(parts)
  // the same total counted the other way: outstanding of each class + reserved of each plan
  let byClass = Ratio.sum(
    table.classes.values.map(\.outstanding.ratio) + table.plans.values.map(\.reserved.ratio))
  #expect(total == byClass, sourceLocation: sourceLocation)
  if !total.isZero {
    #expect(Ratio.sum(parts.map { $0 / total }) == .one, sourceLocation: sourceLocation)
  }
}

@Suite("Ledger properties over random valid ledgers")
struct LedgerPropertyTests {
  @Test("the invariants hold on every date of every random ledger")
  func invariants() async {
    var kinds = Set<Int>()
    var transactions = 0
    await propertyCheck(count: 150, input: steps) { steps in
      let random = RandomLedger(steps)
      kinds.formUnion(random.accepted)
      transactions += random.ledger.transactions.count
      for date in Set(random.ledger.transactions.map(\.date)) {
        guard let table = try? random.ledger.replay(asOf: date) else {
          Issue.record("a kept ledger does not replay as of \(date)")
          return
        }
        checkInvariants(table)
      }
      guard let table = try? random.ledger.replay() else {
        Issue.record("a kept ledger does not replay")
        return
      }
      checkInvariants(table)
    }
    // the generator is not vacuous: every kind of step was accepted somewhere
    #expect(kinds == Set(0...10))
    #expect(transactions > 150 * 5)
  }

  @Test("an integer forward split keeps every holder's fraction of the class exactly")
  func forwardSplitKeepsFractions() async {
    await propertyCheck(
      count: 80, input: steps, Gen.int(in: 0...3), Gen.int(in: 0...1)
    ) { steps, kIndex, classIndex in
      let k = [Int64(2), 3, 5, 10][kIndex]
      let random = RandomLedger(steps)
      let shareClass = RandomLedger.classes[classIndex]
      var ledger = random.ledger
      let last = ledger.transactions.last?.date ?? RandomLedger.incorporated
      ledger.insert(
        Transaction(
          sequence: ledger.nextSequence, date: last,
          event: .split(StockSplit(shareClass: shareClass, ratio: frac(k, 1)))))
      guard let before = try? random.ledger.replay(), let after = try? ledger.replay(),
        let old = before.classes[shareClass], let new = after.classes[shareClass]
      else {
        Issue.record("the split of a valid ledger was refused")
        return
      }
      #expect(new.outstanding.count == old.outstanding.count * k)
      #expect(new.authorized.count == old.authorized.count * k)
      for holder in RandomLedger.holders.map(\.id) {
        let was = before.stockHeld(by: holder, in: shareClass)
        let now = after.stockHeld(by: holder, in: shareClass)
        #expect(now.count == was.count * k)
        if old.outstanding > .zero {
          #expect(now.ratio / new.outstanding.ratio == was.ratio / old.outstanding.ratio)
        }
      }
      // both plans are on Common: their grants split with it
      for (id, grant) in before.options where shareClass == RandomLedger.common.id {
        #expect(after.options[id]?.granted.count == grant.granted.count * k)
        #expect(after.options[id]?.strike == grant.strike / frac(k, 1))
      }
      checkInvariants(after)
    }
  }

  @Test("replay is deterministic and independent of the order transactions are given in")
  func replayIsDeterministic() async {
    await propertyCheck(count: 80, input: steps) { steps in
      let random = RandomLedger(steps)
      let ledger = random.ledger
      guard let first = try? ledger.replay(), let second = try? ledger.replay() else {
        Issue.record("a kept ledger does not replay")
        return
      }
      #expect(Snapshot(first) == Snapshot(second))
      // the same transactions handed over in reverse are put back in replay order
      let reversed = Ledger(
        company: ledger.company, stakeholders: RandomLedger.holders, classes: ledger.classes,
        plans: ledger.plans, transactions: ledger.transactions.reversed())
      #expect(reversed.transactions == ledger.transactions)
      #expect((try? reversed.replay()).map(Snapshot.init) == Snapshot(first))
      // as of a date = the ledger cut at that date
      for date in Set(ledger.transactions.map(\.date)) {
        let cut = Ledger(
          company: ledger.company, stakeholders: RandomLedger.holders, classes: ledger.classes,
          plans: ledger.plans, transactions: ledger.transactions.filter { $0.date <= date })
        #expect(
          (try? ledger.replay(asOf: date)).map(Snapshot.init)
            == (try? cut.replay(asOf: date)).map(Snapshot.init))
      }
    }
  }
}

@Suite("Vesting properties")
struct VestingPropertyTests {
  @Test("vesting never decreases, starts at 0 before the cliff and ends exactly at the total")
  func vestingIsMonotone() async {
    await propertyCheck(
      count: 200, input: Gen.int(in: 1...120), Gen.int(in: 0...120), Gen.int(in: 0...119),
      Gen.int64(in: 0...1_000_000_000_000), Gen.int(in: 0...20_000)
    ) { total, cliffSeed, everySeed, shares, startDay in
      let schedule = VestingSchedule(
        start: day("2000-01-01").adding(days: startDay), totalMonths: total,
        cliffMonths: cliffSeed % (total + 1), frequencyMonths: 1 + everySeed % total)
      let grant = Shares(shares)
      var previous = Shares.zero
      for month in -2...(total + 2) {
        let monthDay = schedule.start.adding(months: month)
        for date in [monthDay.adding(days: -1), monthDay] {
          let vested = schedule.vested(of: grant, asOf: date)
          #expect(vested >= previous, "\(schedule.notation) on \(date)")
          #expect(vested <= grant)
          previous = vested
        }
      }
      #expect(schedule.vested(of: grant, asOf: schedule.end) == grant)
      #expect(schedule.vested(of: grant, asOf: schedule.start.adding(days: -1)) == .zero)
      if schedule.cliffMonths > 0 {
        let cliff = schedule.start.adding(months: schedule.cliffMonths)
        #expect(schedule.vested(of: grant, asOf: cliff.adding(days: -1)) == .zero)
        // at the cliff, floor(total × cliff ÷ N) vests (or everything, when the cliff is N)
        let expected = Int64(
          Int128(shares) * Int128(schedule.cliffMonths) / Int128(schedule.totalMonths))
        #expect(schedule.vested(of: grant, asOf: cliff) == Shares(expected))
      }
    }
  }
}
