/// The unit a periodic schedule counts in.
public enum VestingUnit: String, Sendable, Hashable, Codable {
  /// Whole calendar months (a start on the 31st vests on the last day of shorter months).
  case months
  /// Days.
  case days
}

/// The time-based part of vesting terms: a length, a cliff and installments every `frequency`
/// units, counted from the terms' start date.
///
/// The vesting points are the cliff, then every multiple of `frequency` after it, then the end
/// (the existing `48/12/1` rule: at the cliff everything accrued so far vests).
public struct PeriodicVesting: Sendable, Hashable, Codable {
  /// Months or days.
  public var unit: VestingUnit
  /// Units until fully vested (N).
  public var length: Int
  /// Units between installments (1 monthly, 3 quarterly, 7 weekly in days...).
  public var frequency: Int
  /// Units before anything vests.
  public var cliff: Int
  /// What vests at the cliff as a fraction of the time-based amount; nil means what has
  /// accrued by then (cliff ÷ length). The rest vests over the installments after the cliff.
  public var cliffPortion: Ratio?

  /// A periodic schedule.
  public init(
    unit: VestingUnit = .months, length: Int, frequency: Int = 1, cliff: Int = 0,
    cliffPortion: Ratio? = nil
  ) {
    self.unit = unit
    self.length = length
    self.frequency = frequency
    self.cliff = cliff
    self.cliffPortion = cliffPortion
  }

  private enum CodingKeys: String, CodingKey {
    case unit, length, frequency, cliff
    case cliffPortion = "cliff_portion"
  }

  /// Decodes stored terms, refusing a length, frequency or cliff outside `Limits` (a crafted
  /// row of 2^62 months would otherwise make every vesting view crawl).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    unit = try container.decode(VestingUnit.self, forKey: .unit)
    length = try container.decode(Int.self, forKey: .length)
    frequency = try container.decode(Int.self, forKey: .frequency)
    cliff = try container.decode(Int.self, forKey: .cliff)
    cliffPortion = try container.decodeIfPresent(Ratio.self, forKey: .cliffPortion)
    for (key, value) in [(CodingKeys.length, length), (.frequency, frequency), (.cliff, cliff)] {
      do {
        try Limits.check(period: value, inDays: unit == .days, field: key.rawValue)
      } catch {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: container, debugDescription: error.description)
      }
    }
  }

  /// `48/12/1` (months) or `1461/365/7 days`.
  public var notation: String {
    "\(length)/\(cliff)/\(frequency)" + (unit == .days ? " days" : "")
      + (cliffPortion.map { ", cliff \($0.percentString())" } ?? "")
  }

  /// The date `units` units after `start`.
  public func date(after start: CalendarDate, units: Int) -> CalendarDate {
    unit == .months ? start.adding(months: units) : start.adding(days: units)
  }

  /// Whole units from `start` to the end of `date` (0 before the start).
  @inline(__always)
  public func elapsed(from start: CalendarDate, to date: CalendarDate) -> Int {
    unit == .months ? start.wholeMonths(until: date) : max(0, start.days(to: date))
  }

  /// The last vesting point reached after `elapsed` units: 0 before the cliff, then the cliff,
  /// the last multiple of `frequency`, or the length.
  @inline(__always)
  public func point(after elapsed: Int) -> Int {
    if elapsed < cliff || elapsed <= 0 { return 0 }
    if elapsed >= length { return length }
    return max(cliff, elapsed / frequency * frequency)
  }

  /// Whole shares of `amount` vested at vesting point `point`, under an allocation type.
  public func vested(_ amount: Int64, at point: Int, _ allocation: VestingAllocation) -> Int64 {
    if point <= 0 { return 0 }
    if point >= length { return amount }
    guard let cliffPortion, cliff > 0 else {
      return allocation.needsWholeInstallments
        ? allocation.cumulative(
          amount, after: Int64(point / frequency), of: Int64(length / frequency))
        : allocation.cumulative(amount, after: Int64(point), of: Int64(length))
    }
    let atCliff = allocation.portion(amount, cliffPortion)
    let rest = amount - atCliff
    let after = point - cliff
    let span = length - cliff
    return atCliff
      + (allocation.needsWholeInstallments
        ? allocation.cumulative(rest, after: Int64(after / frequency), of: Int64(span / frequency))
        : allocation.cumulative(rest, after: Int64(after), of: Int64(span)))
  }

  /// Why the schedule cannot be used, or nil.
  func problem(_ allocation: VestingAllocation) -> String? {
    let maximum = unit == .days ? Limits.maximumPeriodDays : Limits.maximumPeriodMonths
    guard length > 0, length <= maximum else {
      return "the vesting length must be 1 to \(maximum) \(unit.rawValue) (Capstan's limit), "
        + "got \(length)"
    }
    guard frequency > 0, frequency <= length else {
      return "installments must come every 1 to \(length) \(unit.rawValue), got \(frequency)"
    }
    guard cliff >= 0, cliff <= length else {
      return "the cliff must be 0 to \(length) \(unit.rawValue), got \(cliff)"
    }
    if let cliffPortion {
      guard cliff > 0 else { return "a cliff installment needs a cliff" }
      guard cliffPortion >= .zero, cliffPortion <= .one else {
        return "the cliff installment must be 0 % to 100 %, got \(cliffPortion.percentString())"
      }
    }
    if allocation.needsWholeInstallments {
      guard length % frequency == 0, cliff % frequency == 0 else {
        return
          "\(allocation.rawValue) splits the shares into equal installments, so the length "
          + "(\(length)) and the cliff (\(cliff)) must be multiples of the frequency (\(frequency))"
      }
    }
    return nil
  }
}
