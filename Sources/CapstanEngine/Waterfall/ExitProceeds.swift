import CapstanModel

/// An exit: the value the company is sold for and what is deducted before the holders.
public struct ExitProceeds: Sendable, Hashable {
  /// The exit value (sale price of the company, or liquidation proceeds).
  public var exitValue: Ratio
  /// Expenses and carve-out taken first.
  public var deductions: ExitDeductions

  /// An exit of `exitValue` with optional deductions.
  public init(_ exitValue: Ratio, deductions: ExitDeductions = .none) {
    self.exitValue = exitValue
    self.deductions = deductions
  }

  /// Transaction expenses paid (never more than the exit value).
  public var expensesPaid: Ratio { min(exitValue, deductions.transactionExpenses) }
  /// The carve-out paid.
  public var carveOutPaid: Ratio { deductions.carveOutPaid(exitValue) }
  /// What the holders share.
  public var distributable: Ratio { deductions.distributable(exitValue) }
}
