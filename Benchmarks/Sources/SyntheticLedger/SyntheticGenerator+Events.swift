import CapstanModel

extension SyntheticGenerator {
  /// Common stock to a random holder (a tenth of it restricted), authorizing more if needed.
  mutating func issueCommon() {
    let roll = random.below(100)
    let quantity = Int64(
      roll < 85
        ? random.int(in: 100...5_000)
        : roll < 98 ? random.int(in: 5_000...50_000) : random.int(in: 50_000...500_000))
    makeRoomInCommon(for: quantity)
    let holder = randomHolder()
    let security = newSecurity("CS")
    let vesting =
      random.chance(100) ? VestingSchedule(start: date, totalMonths: 48, cliffMonths: 12) : nil
    emit(
      .issueStock(
        StockIssuance(
          security: security, holder: holders[holder], shareClass: SyntheticCompany.common.id,
          quantity: Shares(quantity), pricePerShare: price(1, 500), vesting: vesting)))
    common.outstanding += quantity
    stock.append(
      OpenStock(security: security, holder: holder, preferred: false, quantity: quantity))
  }

  /// Raises common's authorized shares when `quantity` more would not fit.
  mutating func makeRoomInCommon(for quantity: Int64) {
    guard commonRoom < quantity else { return }
    let total = Self.authorization(
      covering: common.outstanding + poolAvailable + poolOutstanding + quantity)
    emit(
      .authorizeShares(
        SharesAuthorization(shareClass: SyntheticCompany.common.id, newTotal: Shares(total))))
    common.authorized = total
  }

  /// Preferred stock at the original issue price, authorizing more if needed.
  mutating func issuePreferred() {
    let quantity = Int64(random.int(in: 1_000...200_000))
    if preferred.authorized - preferred.outstanding < quantity {
      let total = Self.authorization(covering: preferred.outstanding + quantity)
      emit(
        .authorizeShares(
          SharesAuthorization(shareClass: SyntheticCompany.preferred.id, newTotal: Shares(total))))
      preferred.authorized = total
    }
    let holder = randomHolder()
    let security = newSecurity("PS")
    emit(
      .issueStock(
        StockIssuance(
          security: security, holder: holders[holder], shareClass: SyntheticCompany.preferred.id,
          quantity: Shares(quantity), pricePerShare: Ratio(Int64(5), 4))))
    preferred.outstanding += quantity
    stock.append(OpenStock(security: security, holder: holder, preferred: true, quantity: quantity))
  }

  /// Options from the plan (most on 48/12/1 vesting), growing the pool first when it is short.
  mutating func grant() {
    let quantity = Int64(random.chance(950) ? random.int(in: 500...20_000) : 100_000)
    if poolAvailable < quantity {
      let increase = max(quantity, 2_000_000)
      makeRoomInCommon(for: increase)
      emit(.increasePool(PoolIncrease(plan: SyntheticCompany.plan.id, quantity: Shares(increase))))
      poolAvailable += increase
    }
    let holder = randomHolder()
    let security = newSecurity("OP")
    let today = date
    let vesting =
      random.chance(900) ? VestingSchedule(start: today, totalMonths: 48, cliffMonths: 12) : nil
    let expires = today.adding(months: 120)
    emit(
      .grantOptions(
        OptionGrant(
          security: security, holder: holders[holder], plan: SyntheticCompany.plan.id,
          quantity: Shares(quantity), strike: price(1_000, 20_000), vesting: vesting,
          expires: expires)))
    poolAvailable -= quantity
    poolOutstanding += quantity
    grants.append(
      OpenGrant(
        security: security, holder: holder, granted: quantity, vesting: vesting, expires: expires))
  }

  /// Exercises vested options of a random grant; an expired grant is cancelled instead.
  mutating func exercise() -> Bool {
    let today = date
    for _ in 0..<12 where !grants.isEmpty {
      let index = random.below(grants.count)
      let grant = grants[index]
      if today > grant.expires {
        cancelOptions(at: index, quantity: grant.outstanding, reason: "expired")
        return true
      }
      let exercisable = grant.exercisable(on: today)
      guard exercisable > 0 else { continue }
      let quantity =
        random.chance(300) ? exercisable : Int64(random.int(in: 1...Int(exercisable)))
      let security = newSecurity("CS")
      emit(
        .exercise(
          Exercise(grant: grant.security, quantity: Shares(quantity), resultingSecurity: security)
        ))
      grants[index].exercised += quantity
      poolOutstanding -= quantity
      common.outstanding += quantity
      stock.append(
        OpenStock(security: security, holder: grant.holder, preferred: false, quantity: quantity))
      removeGrantIfClosed(at: index)
      return true
    }
    return false
  }

  /// Cancels options of the grant at `index`; they return to the pool.
  mutating func cancelOptions(at index: Int, quantity: Int64, reason: String) {
    emit(
      .cancel(
        Cancellation(
          security: grants[index].security, quantity: Shares(quantity), balanceSecurity: nil,
          reason: reason)))
    grants[index].cancelled += quantity
    poolOutstanding -= quantity
    poolAvailable += quantity
    removeGrantIfClosed(at: index)
  }

  /// Forgets a grant with nothing outstanding (swapping the last one into its place).
  mutating func removeGrantIfClosed(at index: Int) {
    guard grants[index].outstanding == 0 else { return }
    grants.swapAt(index, grants.count - 1)
    grants.removeLast()
  }
}
