import CapstanModel

extension ExportState {
  /// A warrant's exercise: TX_WARRANT_EXERCISE (OCF 1.2 gives it no quantity; the stock issued
  /// says how many) on the warrant's one exercise trigger, and the stock it issues as its own
  /// TX_STOCK_ISSUANCE, at the exercise price, to the warrant's holder, in its class.
  mutating func warrantExercise(_ id: String, _ date: CalendarDate, _ e: Exercise)
    -> [[String: Any]]
  {
    var object = base("TX_WARRANT_EXERCISE", id, date, security: e.grant)
    object["trigger_id"] = e.grant.rawValue + "-exercise"
    object["resulting_security_ids"] = [e.resultingSecurity.rawValue]
    guard let warrant = warrantTerms[e.grant] else { return [object] }
    return [object]
      + issuance(
        id + "-result", date, security: e.resultingSecurity,
        Stock(
          holder: warrant.holder, shareClass: warrant.shareClass, quantity: e.quantity,
          price: warrant.strike, vesting: nil))
  }
}
