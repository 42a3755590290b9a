import CapstanEngine
import CapstanModel
import CapstanReports
import Foundation
import Hummingbird

extension Handlers {
  /// The body of `POST /companies/{company}/issuances`: `capstan issue`'s arguments, amounts
  /// as strings (`"4,000,000"`, `"0.0001"`) so nothing passes through a floating-point number.
  struct IssueBody: Decodable {
    var holder: String
    var shares: String
    var `class`: String
    var price: String
    var date: String
    var exempt: Bool?
  }

  /// Records an issuance through the draft, audited with the user, the address and the
  /// request's id; answers with the new transaction as the ledger lists it.
  @Sendable static func issue(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    let access = try allowed(context)
    let company = try required(access.company)
    var request = request
    let buffer = try await request.collectBody(upTo: context.maxUploadSize)
    let body: IssueBody
    do {
      body = try JSONDecoder().decode(IssueBody.self, from: Data(buffer.readableBytesView))
    } catch {
      throw ServerError(
        .badRequest, "malformed-json",
        "the body is not the JSON of an issuance: {\"holder\", \"shares\", \"class\", \"price\", "
          + "\"date\"} (strings) and \"exempt\" (true or false)")
    }
    let shares = try AmountParser.shares(body.shares, field: "shares")
    let price = try AmountParser.price(body.price, field: "price")
    let date = try AmountParser.date(body.date, field: "date")
    let audit = AuditContext(
      who: access.principal.user.id.rawValue, from: context.clientAddress,
      requestID: access.requestID, action: "POST /companies/\(company.id)/issuances")
    let workspace = state.workspace
    let transaction = try await Blocking.run {
      try workspace.write { draft in
        draft.audit(as: audit)
        return try draft.issueStock(
          to: body.holder, quantity: shares, className: body.class, pricePerShare: price,
          date: date, vesting: nil, vestingTerms: nil, exempt: body.exempt ?? false,
          company: company.id
        ).issue
      }
    }
    await state.cache.invalidate(company.id)
    let ledger = try await state.cache.ledger(company.id)
    let entries = LedgerListing.entries(of: ledger).filter {
      $0.sequence == transaction.sequence
    }
    return JSON.response(
      LedgerListingView(company: company.name, entries: entries, includeVoided: true).json(),
      status: .created)
  }
}
