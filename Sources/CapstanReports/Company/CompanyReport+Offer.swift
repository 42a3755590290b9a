import CapstanEngine
import CapstanModel

extension CompanyReport {
  /// The company report as if `priced` (an offer priced on `ledger`) had closed, for `report
  /// company --offer`: the offer's close written on a copy of the ledger (nothing is stored),
  /// the report dated `date` or the closing when later, and the offer's section with its
  /// runway month by month from `runway`, redeeming and selling its tokens as they unlock.
  public static func build(
    offer priced: PricedOffer, ledger: Ledger, asOf date: CalendarDate, market: TokenMarket,
    runway: RunwayInputs, exitValues: [Ratio]? = nil, valuations: [ShareValuation] = []
  ) throws -> ReportDocument {
    let proForma = try priced.offer.proFormaLedger(on: ledger, market: market)
    var document = try build(
      ledger: proForma, asOf: max(date, priced.offer.closing),
      compute: LedgerComputeSource(ledgers: [proForma], market: market), exitValues: exitValues,
      valuations: valuations)
    let projection = OfferProjection(
      offer: priced.offer,
      inputs: OfferComparison.Inputs(runway: runway, drop: .zero, market: market))
    document.sections.append(
      OfferReport.section(
        priced, redeeming: projection.run(.redeem, drop: .zero),
        selling: projection.run(.sell, drop: .zero), currency: ledger.company.currency))
    return document
  }
}
