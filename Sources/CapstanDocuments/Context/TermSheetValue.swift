/// One value of a term sheet's context: text already formatted by Capstan, a yes/no, a list of
/// rows, or a group of fields.
///
/// Numbers never reach a template as numbers: money, shares, prices and percentages arrive as
/// the text a term sheet prints (`$3,000,000.00`, `1,730,802`, `$1.7333`, `12.50%`), so a
/// template holds no arithmetic and cannot round differently from the engine.
public indirect enum TermSheetValue: Sendable, Hashable {
  /// Formatted text.
  case text(String)
  /// A condition for a section (`{{#mfn}}...{{/mfn}}`).
  case flag(Bool)
  /// Rows for a repeated section (`{{#investors}}...{{/investors}}`).
  case list([TermSheetFields])
  /// A group of fields, present only when the deal has it (`{{#conversion}}...`).
  case fields(TermSheetFields)

  /// The value as swift-mustache renders it: String, Bool, arrays and dictionaries.
  var mustacheObject: Any {
    switch self {
    case .text(let text): text
    case .flag(let flag): flag
    case .list(let rows): rows.map(\.mustacheObject)
    case .fields(let fields): fields.mustacheObject
    }
  }
}

/// Named values: a term sheet's context, or one row of a list.
public struct TermSheetFields: Sendable, Hashable {
  /// The values by name.
  public var values: [String: TermSheetValue]

  /// Fields.
  public init(_ values: [String: TermSheetValue] = [:]) {
    self.values = values
  }

  /// The value named `name`.
  public subscript(name: String) -> TermSheetValue? {
    get { values[name] }
    set { values[name] = newValue }
  }

  /// Sets a text field.
  public mutating func set(_ name: String, _ text: String) {
    values[name] = .text(text)
  }

  /// Sets a text field when `text` is not nil (a deal without it leaves the name out, and a
  /// template that prints it unconditionally fails naming it).
  public mutating func set(_ name: String, ifPresent text: String?) {
    if let text { values[name] = .text(text) }
  }

  /// The dictionary swift-mustache renders.
  var mustacheObject: [String: Any] { values.mapValues(\.mustacheObject) }
}
