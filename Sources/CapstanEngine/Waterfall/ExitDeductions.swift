import CapstanModel

/// What comes off the exit value before anything reaches the holders: transaction expenses,
/// then a management carve-out.
public struct ExitDeductions: Sendable, Hashable {
  /// A management carve-out, paid after expenses and before any preference.
  public enum CarveOut: Sendable, Hashable {
    /// No carve-out.
    case none
    /// A fixed amount (or what is left after expenses, if less).
    case amount(Ratio)
    /// A fraction of the proceeds after expenses, in 0 ..< 1 (0.1 for 10 %).
    case fraction(Ratio)
  }

  /// Transaction expenses (bankers, lawyers, escrow): deducted first.
  public var transactionExpenses: Ratio
  /// The carve-out, deducted second.
  public var carveOut: CarveOut

  /// No deductions.
  public static let none = ExitDeductions()

  /// Deductions; none unless stated.
  public init(transactionExpenses: Ratio = .zero, carveOut: CarveOut = .none) {
    self.transactionExpenses = transactionExpenses
    self.carveOut = carveOut
  }

  /// The proceeds after expenses (never below zero).
  public func afterExpenses(_ exitValue: Ratio) -> Ratio {
    max(.zero, exitValue - transactionExpenses)
  }

  /// The carve-out paid from an exit of `exitValue`.
  public func carveOutPaid(_ exitValue: Ratio) -> Ratio {
    let net = afterExpenses(exitValue)
    switch carveOut {
    case .none: return .zero
    case .amount(let amount): return min(amount, net)
    case .fraction(let fraction): return net * fraction
    }
  }

  /// What the holders share: the exit value less expenses and the carve-out, at least zero.
  public func distributable(_ exitValue: Ratio) -> Ratio {
    afterExpenses(exitValue) - carveOutPaid(exitValue)
  }

  /// The smallest exit value whose distributable proceeds are `distributable` (> 0 or = 0).
  ///
  /// The inverse of `distributable(_:)` where that is increasing; breakpoints found on the
  /// distributable line are mapped back to exit values with it.
  public func exitValue(distributing distributable: Ratio) -> Ratio {
    switch carveOut {
    case .none: transactionExpenses + distributable
    case .amount(let amount): transactionExpenses + amount + distributable
    case .fraction(let fraction): transactionExpenses + distributable / (.one - fraction)
    }
  }

  /// Distributable proceeds per unit of exit value where they grow (1, or 1 − fraction).
  var slope: Ratio {
    switch carveOut {
    case .none, .amount: .one
    case .fraction(let fraction): .one - fraction
    }
  }

  func validate() throws(WaterfallError) {
    guard !transactionExpenses.isNegative else {
      throw .negativeAmount(what: "transaction expenses", transactionExpenses)
    }
    switch carveOut {
    case .none: break
    case .amount(let amount):
      guard !amount.isNegative else { throw .negativeAmount(what: "carve-out", amount) }
    case .fraction(let fraction):
      guard !fraction.isNegative, fraction < .one else { throw .carveOutOutOfRange(fraction) }
    }
  }
}
