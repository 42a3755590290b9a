/// What a share class converts into, and at what ratio.
///
/// Classes created by the CLI keep the default (`standard`): preferred converts into the
/// company's common at original issue price ÷ conversion price. An Open Cap Format package says
/// it per class (`conversion_rights`): a target class and a ratio, or no right at all.
public enum ClassConversion: Sendable, Hashable, Codable {
  /// Preferred converts into the company's common at OIP ÷ CP; common does not convert.
  case standard
  /// Converts into the class `target`, `ratio` target shares per share (OIP ÷ CP when nil).
  case into(target: ShareClass.ID, ratio: Ratio?, rounding: ConversionRounding)
  /// No conversion right: the class's shares count as themselves, never as converted.
  case none

  /// The class's target when it names one.
  public var target: ShareClass.ID? {
    if case .into(let target, _, _) = self { return target }
    return nil
  }
}

/// How a conversion rounds fractional shares (OCF `RoundingType`).
///
/// Kept and written back; Capstan's views floor every as-converted count (DESIGN.md).
public enum ConversionRounding: String, Sendable, Hashable, Codable, CaseIterable {
  /// Round down.
  case floor = "FLOOR"
  /// Round up.
  case ceiling = "CEILING"
  /// Round half up.
  case normal = "NORMAL"
}

extension ShareClass {
  /// Whether the class converts into another at all.
  public var hasConversionRight: Bool {
    switch conversion {
    case .standard: kind == .preferred
    case .into: true
    case .none: false
    }
  }

  /// Whether the class converts into `other`: the default (preferred into common), or the
  /// class the package names. A split of `other` then adjusts this class's conversion terms.
  public func converts(into other: ShareClass) -> Bool {
    guard other.id != id else { return false }
    switch conversion {
    case .standard: return kind == .preferred && other.kind == .common
    case .into(let target, _, _): return target == other.id
    case .none: return false
    }
  }
}
