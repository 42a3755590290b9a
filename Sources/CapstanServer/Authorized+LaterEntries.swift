import CapstanModel

extension Authorized {
  /// The later-entries note as this caller may see it: a holder learns how many entries are
  /// dated later and the latest date, not what they were (the summary names other holders'
  /// securities, such as `issue CS-4`); every other role sees it whole.
  func seen(_ later: LaterEntries) -> LaterEntries {
    guard role == .holder else { return later }
    var withheld = later
    withheld.latestSummary = "not shown to a holder"
    return withheld
  }
}
