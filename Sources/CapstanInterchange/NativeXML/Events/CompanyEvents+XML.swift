import CapstanModel
import CapstanXML

/// `<company-note text="..."/>`.
extension CompanyNote: XMLEventCodec {
  static let xmlAttributes = ["text"]

  func writeXML(seq: String, date: String, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(Self.kind.rawValue, ["seq": seq, "date": date, "text": text], indent: 2)
  }

  static func readXML(
    _ element: XMLElement, _ f: Fields, in reader: NativeXMLReader
  ) throws(ImportError) -> Self {
    CompanyNote(text: try f.text("text"))
  }
}

extension XMLEventTable {
  /// The elements of the company events, in this file.
  static let companyEvents: [Entry] = [
    .init(CompanyNote.self)
  ]
}
