import CapstanModel

/// A stock class's `conversion_rights` as the class's conversion terms.
extension OCFMapper {
  /// The class's conversion into another class of the package, and the conversion price it
  /// states: the first right that names a class of the package; a class with none has no
  /// conversion right (its shares count as themselves).
  mutating func conversion(of c: OCFStockClass, file: String) throws
    -> (conversion: ClassConversion, price: Ratio?)
  {
    var found: (conversion: ClassConversion, price: Ratio?)?
    for (index, right) in (c.conversionRights ?? []).enumerated() {
      let field = "conversion_rights[\(index)]"
      guard let target = right.convertsToStockClassId else {
        warn(file, c.id, "\(field) converts into a future round: not mapped")
        continue
      }
      guard classIDs.contains(target) else {
        throw OCFError.unknownReference(
          file: file, item: c.id, field: "\(field).converts_to_stock_class_id", id: target)
      }
      guard target != c.id else {
        throw OCFError.malformed(
          file: file, item: c.id, field: "\(field).converts_to_stock_class_id",
          expected: "another class (the class names itself)")
      }
      guard found == nil else {
        warn(file, c.id, "\(field) is a further conversion right (into \(target)): not mapped")
        continue
      }
      found = try mechanism(right.conversionMechanism, of: c, into: target, field, file)
    }
    guard let found else { return (c.classType == "PREFERRED" ? .none : .standard, nil) }
    return standardized(found, of: c)
  }

  /// Capstan's default terms when the right says just that: a preferred class converting into
  /// the package's only common class, rounding down, at original issue price ÷ conversion
  /// price (what `capstan export ocf` writes for a class created by the CLI).
  private func standardized(
    _ found: (conversion: ClassConversion, price: Ratio?), of c: OCFStockClass
  )
    -> (conversion: ClassConversion, price: Ratio?)
  {
    let commons = classOrder.filter { $0.classType == "COMMON" }
    guard c.classType == "PREFERRED", commons.count == 1,
      case .into(let target, let ratio, .floor) = found.conversion,
      target.rawValue == commons[0].id
    else { return found }
    let oip = c.pricePerShare?.amount.value
    let price = found.price == oip ? nil : found.price
    let standard = ShareClass(
      id: ShareClass.ID(c.id), name: c.name, kind: .preferred, initialAuthorized: .zero,
      originalIssuePrice: oip, conversionPrice: price)
    guard ratio == nil || ratio == standard.initialConversionRatio else { return found }
    return (.standard, price)
  }

  /// A TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT as the class's new conversion price (its
  /// ratio then scales by old price ÷ new, as an anti-dilution adjustment does); nil, listed as
  /// not mapped with a warning, when the class has no conversion price to adjust.
  mutating func conversionPriceChange(_ change: Tx.RatioAdjustment, item: Item) throws
    -> ConversionPriceChange?
  {
    let shareClass = try shareClass(change.stockClassId, item)
    let c = classOrder.first { $0.id == change.stockClassId }
    let mechanism = change.newRatioConversionMechanism
    let price = mechanism.conversionPrice?.amount.value
    let hasPrice =
      c?.pricePerShare?.amount.value != nil
      || c?.conversionRights?.contains { $0.conversionMechanism.conversionPrice != nil } == true
    guard c?.classType == "PREFERRED", hasPrice, let price, price > .zero else {
      skip(item.tx.objectType)
      warn(
        item.file, item.tx.id,
        "the class \(change.stockClassId) has no conversion price to adjust, or the new "
          + "mechanism states none: the ratio adjustment is not mapped")
      return nil
    }
    return ConversionPriceChange(shareClass: shareClass, newConversionPrice: price)
  }

  private mutating func mechanism(
    _ mechanism: OCFConversionMechanism, of c: OCFStockClass, into target: String,
    _ field: String, _ file: String
  ) throws -> (conversion: ClassConversion, price: Ratio?) {
    let price = mechanism.conversionPrice.map(\.amount.value).flatMap { $0 > .zero ? $0 : nil }
    let rounding = mechanism.roundingType.flatMap(ConversionRounding.init(rawValue:)) ?? .floor
    if let text = mechanism.roundingType, ConversionRounding(rawValue: text) == nil {
      warn(file, c.id, "\(field) rounding_type \(text) is unknown; FLOOR is used")
    }
    switch mechanism.type {
    case "RATIO_CONVERSION":
      guard let ratio = mechanism.ratio else {
        throw OCFError.malformed(
          file: file, item: c.id, field: "\(field).conversion_mechanism.ratio",
          expected: "the ratio of a RATIO_CONVERSION")
      }
      if ratio.fromJSONNumbers {
        warn(
          file, c.id,
          "\(field) ratio is written with JSON numbers instead of OCF Numeric strings; read as "
            + ratio.value.fractionString)
      }
      return (.into(target: ShareClass.ID(target), ratio: ratio.value, rounding: rounding), price)
    case "CONVERSION_PRICE_BASED":
      guard let price, c.pricePerShare?.amount.value != nil else {
        throw OCFError.malformed(
          file: file, item: c.id, field: "\(field).conversion_mechanism.conversion_price",
          expected: "a positive conversion price and the class's price_per_share "
            + "(original issue price ÷ conversion price)")
      }
      return (.into(target: ShareClass.ID(target), ratio: nil, rounding: rounding), price)
    default:
      throw OCFError.malformed(
        file: file, item: c.id, field: "\(field).conversion_mechanism.type",
        expected: "RATIO_CONVERSION or CONVERSION_PRICE_BASED, found \(mechanism.type)")
    }
  }
}
