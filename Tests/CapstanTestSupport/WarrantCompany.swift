import CapstanModel

/// Warrant Co: Ada holds 90,000 Common; Bank holds W-1 on 10,000 Common at $0.50 and W-2 on
/// 5,000 Series A (a preferred class, issue price $1.00) at $1.00, both issued 2025-02-01.
public enum WarrantCompany {
  static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text) ?? .today() }

  /// The company's ledger.
  public static func ledger() throws -> Ledger {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft -> Company in
      let company = try draft.addCompany(
        name: "Warrant Co", currency: .usd, incorporated: day("2025-01-01"))
      let ada = try draft.addStakeholder(name: "Ada")
      let bank = try draft.addStakeholder(name: "Bank", kind: .institution)
      let common = try draft.addClass(
        ShareClass(id: "c", name: "Common", initialAuthorized: 1_000_000), to: company.id)
      let seriesA = try draft.addClass(
        ShareClass(
          id: "a", name: "Series A", kind: .preferred, initialAuthorized: 100_000,
          originalIssuePrice: Ratio(1)), to: company.id)
      try draft.append(
        [
          (
            day("2025-01-01"),
            .issueStock(
              StockIssuance(
                security: "CS-1", holder: ada.id, shareClass: common.id, quantity: 90_000,
                pricePerShare: Ratio(1, 10_000)))
          ),
          (
            day("2025-02-01"),
            .issueWarrant(
              WarrantIssuance(
                security: "W-1", holder: bank.id, shareClass: common.id, quantity: 10_000,
                strike: Ratio(1, 2)))
          ),
          (
            day("2025-02-01"),
            .issueWarrant(
              WarrantIssuance(
                security: "W-2", holder: bank.id, shareClass: seriesA.id, quantity: 5_000,
                strike: Ratio(1)))
          ),
        ], to: company.id)
      return company
    }
    return try workspace.ledger(for: company.id)
  }
}
