import CapstanModel

/// What a revenue-share leg costs under a revenue plan: each month the company pays the
/// leg's percentage of that month's revenue until the payments reach the cap (credits × cap
/// multiple); the last payment is only what is left to reach it.
///
/// With credits K, percentage q, cap multiple c and revenue r₁, r₂, ... by month: payment
/// in month m = min(q·rₘ, c·K − paid so far). Months to repay = the month whose payment
/// reaches c·K (nil when the plan ends first); total paid = the sum of the payments over the
/// plan; the cost beyond the credits = total paid − K.
public struct RevenueShareCost: Sendable, Hashable {
  /// The leg.
  public var leg: Offer.RevenueShareLeg
  /// The payment of each month of the plan, until the cap is reached.
  public var payments: [Ratio]
  /// The sum of the payments.
  public var totalPaid: Ratio
  /// The month (1 for the first) whose payment reaches the cap; nil when the plan ends first.
  public var monthsToRepay: Int?

  /// The leg's payments under `plan` (monthly revenue, the first month first).
  public init(_ leg: Offer.RevenueShareLeg, plan: [Ratio]) {
    self.leg = leg
    var payments: [Ratio] = []
    var paid = Ratio.zero
    var repaid: Int?
    for (index, revenue) in plan.enumerated() {
      let payment = min(leg.percentage * revenue, leg.cap - paid)
      payments.append(payment)
      paid += payment
      if paid >= leg.cap {
        repaid = index + 1
        break
      }
    }
    self.payments = payments
    totalPaid = paid
    monthsToRepay = repaid
  }

  /// What the company pays beyond the credits it received (negative while the cap is not
  /// reached and less than the credits is paid).
  public var costBeyondCredits: Ratio { totalPaid - leg.credits }
}
