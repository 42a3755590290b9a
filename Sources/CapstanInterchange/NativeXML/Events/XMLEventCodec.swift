import CapstanModel
import CapstanXML

/// How one kind of ledger event is written and read as a Capstan XML element named
/// `kind.rawValue`: each payload type conforms (`NativeXML/Events/*+XML.swift`) and
/// `xmlEventCodecs` finds it by the element's name.
protocol XMLEventCodec: LedgerEventPayload {
  /// The attributes the element may carry besides `seq` and `date` (others are refused).
  static var xmlAttributes: [String] { get }
  /// Whether the element holds children, which `readXML` reads through its end tag (else the
  /// reader checks that it is empty).
  static var readsChildren: Bool { get }
  /// Writes the element, with `seq` and `date`.
  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  /// The payload of an element of this kind (`f`: its checked attributes); `reader` resolves
  /// the file's ids and reads children.
  static func readXML(_ element: XMLElement, _ f: Fields, in reader: NativeXMLReader)
    throws(ImportError) -> Self
}

extension XMLEventCodec {
  /// An empty element.
  static var readsChildren: Bool { false }

  /// Writes `event`, which is of this kind.
  static func writeXML(
    _ event: LedgerEvent, seq: String, date: String, into w: inout XMLTextWriter
  ) throws(NativeXMLWriteError) {
    try event.payload(as: Self.self)?.writeXML(seq: seq, date: date, into: &w)
  }

  /// The event of an element of this kind.
  static func readEvent(_ element: XMLElement, _ f: Fields, in reader: NativeXMLReader)
    throws(ImportError) -> LedgerEvent
  {
    try readXML(element, f, in: reader).ledgerEvent
  }
}

/// The Capstan XML codec of every kind of event, by kind (`EveryKindXMLTests` checks that every
/// `LedgerEvent.Kind` has one and round-trips).
let xmlEventCodecs: [LedgerEvent.Kind: any XMLEventCodec.Type] = [
  .issue: StockIssuance.self,
  .grant: OptionGrant.self,
  .exercise: Exercise.self,
  .transfer: Transfer.self,
  .cancel: Cancellation.self,
  .repurchase: Repurchase.self,
  .split: StockSplit.self,
  .authorize: SharesAuthorization.self,
  .poolIncrease: PoolIncrease.self,
  .safe: SAFEIssuance.self,
  .note: NoteIssuance.self,
  .warrant: WarrantIssuance.self,
  .conversion: Conversion.self,
  .conversionPrice: ConversionPriceChange.self,
  .computeGrant: ComputeGrant.self,
  .tokenRedeem: TokenRedemption.self,
  .tokenSale: TokenSale.self,
  .tokenClawback: TokenClawback.self,
  .changeOfControl: ChangeOfControl.self,
  .termination: Termination.self,
  .milestone: MilestoneAchievement.self,
  .acceleration: AcceleratedVesting.self,
  .void: Voiding.self,
  .classAmendment: ClassAmendment.self,
  .holderMerge: HolderMerge.self,
  .planAmendment: PlanAmendment.self,
]
