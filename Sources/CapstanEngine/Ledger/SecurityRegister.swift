import CapstanModel

/// One open security on a date: what `capstan table --by security` lists.
public struct SecurityRegisterRow: Sendable, Hashable {
  /// The security's id in the ledger (`stock_issuance_03`, `CS-1`).
  public var security: SecurityID
  /// The id people know it by (an OCF `custom_id` such as `OA-3`), if recorded.
  public var customID: String?
  /// The holder's name.
  public var holder: String
  /// `stock`, `options` or `warrant`.
  public var kind: String
  /// The class it is (stock) or would be (options and warrants) in.
  public var shareClass: String
  /// Shares held, or options or warrant shares outstanding, in its own class (not as
  /// converted).
  public var quantity: Shares
}

/// The open securities of a snapshot, one row each, in security id order: stock, then (fully
/// diluted) option grants and warrants with anything outstanding.
public enum SecurityRegister {
  /// The rows of `table`; `fullyDiluted` adds options and warrants outstanding. `customIDs` are
  /// the ledger's (`Ledger.customIDs`).
  public static func rows(
    _ table: CapTable, fullyDiluted: Bool, customIDs: [SecurityID: String]
  ) -> [SecurityRegisterRow] {
    func className(_ id: ShareClass.ID) -> String {
      table.classes[id]?.definition.name ?? id.rawValue
    }
    var rows: [SecurityRegisterRow] = table.stock.values.map { position in
      SecurityRegisterRow(
        security: position.security, customID: customIDs[position.security],
        holder: table.name(of: position.holder), kind: "stock",
        shareClass: className(position.shareClass), quantity: position.quantity)
    }
    if fullyDiluted {
      for grant in table.options.values where grant.outstanding > .zero {
        let shareClass = table.plans[grant.plan].map { className($0.shareClass) } ?? ""
        rows.append(
          SecurityRegisterRow(
            security: grant.security, customID: customIDs[grant.security],
            holder: table.name(of: grant.holder), kind: "options", shareClass: shareClass,
            quantity: grant.outstanding))
      }
      for warrant in table.warrants.values where warrant.outstanding > .zero {
        rows.append(
          SecurityRegisterRow(
            security: warrant.issuance.security, customID: customIDs[warrant.issuance.security],
            holder: table.name(of: warrant.issuance.holder), kind: "warrant",
            shareClass: className(warrant.issuance.shareClass), quantity: warrant.outstanding))
      }
    }
    let order = ["stock": 0, "options": 1, "warrant": 2]
    return rows.sorted {
      (order[$0.kind] ?? 3, $0.security.rawValue) < (order[$1.kind] ?? 3, $1.security.rawValue)
    }
  }
}
