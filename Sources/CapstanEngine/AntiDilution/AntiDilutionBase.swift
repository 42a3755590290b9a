import CapstanModel

/// What is outstanding just before a dilutive issuance, for the "A" of a weighted average.
public struct AntiDilutionBase: Sendable, Hashable {
  /// Common stock outstanding.
  public var commonOutstanding: Shares
  /// Every preferred series outstanding, as converted into common.
  public var preferredAsConverted: Shares
  /// Options (and warrants) outstanding.
  public var optionsOutstanding: Shares
  /// Shares reserved under plans and not granted.
  public var unissuedReserve: Shares
  /// Whether the unissued reserve counts (the NVCA charter leaves it out; some deals don't).
  public var includesUnissuedReserve: Bool
  /// What a narrow-based weighted average counts as A.
  public var narrowBase: NarrowBase = .series

  /// The counts; the unissued reserve is left out unless asked.
  public init(
    commonOutstanding: Shares, preferredAsConverted: Shares, optionsOutstanding: Shares,
    unissuedReserve: Shares = .zero, includesUnissuedReserve: Bool = false
  ) {
    self.commonOutstanding = commonOutstanding
    self.preferredAsConverted = preferredAsConverted
    self.optionsOutstanding = optionsOutstanding
    self.unissuedReserve = unissuedReserve
    self.includesUnissuedReserve = includesUnissuedReserve
  }

  /// A of a narrow-based formula that does not count the protected series alone: all preferred
  /// as converted, or common and preferred outstanding; nil for `.series`.
  public var narrowA: Ratio? {
    switch narrowBase {
    case .series: nil
    case .preferred: preferredAsConverted.ratio
    case .outstanding: commonOutstanding.ratio + preferredAsConverted.ratio
    }
  }

  /// A of the broad-based formula: common outstanding, preferred as converted and options
  /// outstanding (NVCA model charter, "Common Stock deemed outstanding"), plus the unissued
  /// reserve when included.
  public var broadBasedA: Ratio {
    let reserve = includesUnissuedReserve ? unissuedReserve.ratio : .zero
    return commonOutstanding.ratio + preferredAsConverted.ratio + optionsOutstanding.ratio
      + reserve
  }
}
