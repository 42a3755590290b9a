import CapstanModel

/// The readers of `StoredRow` by column name (`row.text("currency")`): each finds the column's
/// index by its name, then reads as by index.
extension StoredRow {
  /// Text that must be there.
  func text(_ name: String) throws(StoreError) -> String {
    try text(try index(named: name))
  }

  /// Text, or nil when NULL.
  func optionalText(_ name: String) throws(StoreError) -> String? {
    try optionalText(try index(named: name))
  }

  /// An `Int` that must be there.
  func int(_ name: String) throws(StoreError) -> Int {
    try int(try index(named: name))
  }

  /// A share count that must be there.
  func shares(_ name: String) throws(StoreError) -> Shares {
    try shares(try index(named: name))
  }

  /// An exact number that must be there.
  func ratio(_ name: String) throws(StoreError) -> Ratio {
    try ratio(try index(named: name))
  }

  /// An exact number, or nil when NULL.
  func optionalRatio(_ name: String) throws(StoreError) -> Ratio? {
    try optionalRatio(try index(named: name))
  }

  /// A date that must be there.
  func date(_ name: String) throws(StoreError) -> CalendarDate {
    try date(try index(named: name))
  }

  /// A date, or nil when NULL.
  func optionalDate(_ name: String) throws(StoreError) -> CalendarDate? {
    try optionalDate(try index(named: name))
  }

  /// A value of a text-coded enum that must be there.
  func value<T: RawRepresentable>(_ type: T.Type, _ name: String) throws(StoreError) -> T
  where T.RawValue == String {
    try value(type, try index(named: name))
  }
}
