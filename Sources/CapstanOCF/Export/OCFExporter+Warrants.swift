import CapstanModel

extension ExportState {
  /// A warrant's exercise: TX_WARRANT_EXERCISE (OCF 1.2 gives it no quantity; the stock issued
  /// says how many) on the warrant's one exercise trigger, and the stock it issues as its own
  /// TX_STOCK_ISSUANCE: the stock the exercise records, else at the exercise price, to the
  /// warrant's holder, in its class.
  mutating func warrantExercise(_ id: String, _ date: CalendarDate, _ e: Exercise)
    -> [[String: Any]]
  {
    var object = base("TX_WARRANT_EXERCISE", id, date, security: e.grant)
    object["trigger_id"] = e.grant.rawValue + "-exercise"
    object["resulting_security_ids"] = [e.resultingSecurity.rawValue]
    guard let warrant = warrantTerms[e.grant] else { return [object] }
    let issued = e.issuedStock
    if let issued, issued.quantity != e.quantity {
      termsSkipped[
        "the warrant shares an exercise uses when its stock records another quantity "
          + "(OCF's TX_WARRANT_EXERCISE has no quantity: the stock's is read back)",
        default: 0] += 1
    }
    return [object]
      + issuance(
        id + "-result", date, security: e.resultingSecurity,
        Stock(
          holder: issued?.holder ?? warrant.holder,
          shareClass: issued?.shareClass ?? warrant.shareClass,
          quantity: issued?.quantity ?? e.quantity, price: issued?.pricePerShare ?? warrant.strike,
          vesting: nil))
  }
}
