import CapstanModel
import CapstanXML

extension NativeXMLReader {
  /// The elements of a definition section (`<stakeholders>`, `<classes>`, `<plans>`).
  mutating func list(_ section: XMLElement, of name: String) throws(ImportError) {
    if section.isEmpty {
      _ = try next()
      return
    }
    while let element = try child(of: section.name) {
      guard element.name == name else {
        throw error(
          "unexpected <\(element.name)> in <\(section.name)> (expected <\(name)>)",
          line: element.line)
      }
      switch name {
      case "stakeholder": try stakeholder(element)
      case "class": try shareClass(element)
      default: try plan(element)
      }
    }
  }

  mutating func company(_ element: XMLElement) throws(ImportError) {
    let fields = try Fields(
      element, file: file,
      allowed: [
        "id", "name", "currency", "incorporated", "broad-based-includes-pool", "conversion-series",
      ])
    let code = try fields.required("currency")
    guard let currency = Currency(code: code) else {
      throw fields.error("<company currency=\"\(code)\">: expected a three-letter code like USD")
    }
    let name = try fields.text("name")
    var company = Company(
      id: Company.ID(fields.optional("id") ?? name), name: name, currency: currency,
      incorporated: try fields.date("incorporated"),
      broadBasedIncludesUnissuedPool: try fields.bool("broad-based-includes-pool", default: false))
    if let series = fields.optional("conversion-series") {
      guard let known = ConversionSeries(rawValue: series) else {
        throw fields.error(
          "<company conversion-series=\"\(series)\">: expected sub-series or round-class")
      }
      company.conversionSeries = known
    }
    if !element.isEmpty {
      while let child = try child(of: "company") {
        guard child.name == "rounding" else {
          throw error(
            "unexpected <\(child.name)> in <company> (expected <rounding>)", line: child.line)
        }
        let r = try Fields(
          child, file: file,
          allowed: [
            "round-price-places", "round-price-rule", "anti-dilution-price-places",
            "interest-places", "money-display-places",
          ])
        company.rounding = RoundingPolicy(
          roundPricePlaces: try r.int("round-price-places", in: 0...18),
          roundPriceRule: try r.choice("round-price-rule"),
          antiDilutionPricePlaces: try r.int("anti-dilution-price-places", in: 0...18),
          interestPlaces: try r.int("interest-places", in: 0...18),
          moneyDisplayPlaces: try r.int("money-display-places", in: 0...18))
        try expectEmpty(child)
      }
    } else {
      _ = try next()
    }
    var image = CompanyImage(company: company)
    image.sourceFile = file
    image.definitionSources["company"] = fields.location
    self.image = image
  }

  mutating func stakeholder(_ element: XMLElement) throws(ImportError) {
    let fields = try Fields(element, file: file, allowed: ["id", "name", "kind", "email"])
    let id = Stakeholder.ID(try fields.text("id"))
    guard stakeholderIDs.insert(id).inserted else {
      throw fields.error("stakeholder id '\(id)' is declared twice")
    }
    image?.stakeholders.append(
      Stakeholder(
        id: id, name: try fields.text("name"),
        kind: try fields.choice("kind", default: .individual),
        email: fields.optional("email")))
    try expectEmpty(element)
  }

  /// A class's conversion: `converts-into` (a class declared before it), `conversion-ratio?`,
  /// `conversion-rounding?` (floor, ceiling, normal); `no-conversion="true"`; or neither, the
  /// default (preferred into common at original issue price ÷ conversion price).
  func conversion(_ fields: Fields) throws(ImportError) -> ClassConversion {
    let none = fields.optional("no-conversion")
    guard let target = fields.optional("converts-into") else {
      guard fields.optional("conversion-ratio") == nil,
        fields.optional("conversion-rounding") == nil
      else {
        throw fields.error("conversion-ratio and conversion-rounding need converts-into")
      }
      switch none {
      case nil, "false": return .standard
      case "true": return .none
      case let other?: throw fields.error("no-conversion=\"\(other)\": expected true or false")
      }
    }
    guard none == nil || none == "false" else {
      throw fields.error("converts-into and no-conversion=\"true\" contradict each other")
    }
    guard classIDs.contains(ShareClass.ID(target)), target != fields.optional("id") else {
      throw fields.error("converts-into=\"\(target)\" names no class declared before it")
    }
    let rounding: ConversionRounding
    switch fields.optional("conversion-rounding") {
    case nil, "floor": rounding = .floor
    case "ceiling": rounding = .ceiling
    case "normal": rounding = .normal
    case let other?:
      throw fields.error("conversion-rounding=\"\(other)\": expected floor, ceiling or normal")
    }
    let ratio = try fields.optionalRatio("conversion-ratio")
    if let ratio, ratio <= .zero {
      throw fields.error("conversion-ratio must be positive")
    }
    return .into(target: ShareClass.ID(target), ratio: ratio, rounding: rounding)
  }

  mutating func shareClass(_ element: XMLElement) throws(ImportError) {
    let fields = try Fields(
      element, file: file,
      allowed: [
        "id", "name", "kind", "authorized", "original-issue-price", "conversion-price",
        "anti-dilution", "votes-per-share", "converts-into", "conversion-ratio",
        "conversion-rounding", "no-conversion",
      ])
    let id = ShareClass.ID(try fields.text("id"))
    guard classIDs.insert(id).inserted else {
      throw fields.error("share class id '\(id)' is declared twice")
    }
    var shareClass = ShareClass(
      id: id, name: try fields.text("name"), kind: try fields.choice("kind", default: .common),
      initialAuthorized: try fields.shares("authorized"),
      originalIssuePrice: try fields.optionalRatio("original-issue-price"),
      conversionPrice: try fields.optionalRatio("conversion-price"),
      antiDilution: try fields.choice("anti-dilution", default: AntiDilution.none),
      votesPerShare: try fields.optionalRatio("votes-per-share") ?? .one,
      conversion: try conversion(fields))
    if !element.isEmpty {
      while let child = try child(of: "class") {
        guard child.name == "preference", shareClass.preference == nil else {
          throw error(
            "unexpected <\(child.name)> in <class> (expected one <preference>)", line: child.line)
        }
        let p = try Fields(
          child, file: file, allowed: ["multiple", "participation", "cap", "seniority"])
        let participation: Participation
        switch try p.required("participation") {
        case "none": participation = .none
        case "full": participation = .full
        case "capped": participation = .capped(multiple: try p.ratio("cap"))
        case let other:
          throw p.error(
            "<preference participation=\"\(other)\">: expected none, full or capped")
        }
        if case .capped = participation {
        } else if p.optional("cap") != nil {
          throw p.error("<preference cap=...> is only allowed with participation=\"capped\"")
        }
        shareClass.preference = LiquidationPreference(
          multiple: try p.ratio("multiple"), participation: participation,
          seniority: try p.int("seniority", in: -1_000_000...1_000_000))
        try expectEmpty(child)
      }
    } else {
      _ = try next()
    }
    image?.definitionSources[id.rawValue] = fields.location
    image?.classes.append(shareClass)
  }

  mutating func plan(_ element: XMLElement) throws(ImportError) {
    let fields = try Fields(
      element, file: file,
      allowed: ["id", "name", "class", "reserve", "adopted", "cancellation"])
    let id = StockPlan.ID(try fields.text("id"))
    guard planIDs.insert(id).inserted else {
      throw fields.error("stock plan id '\(id)' is declared twice")
    }
    let plan = StockPlan(
      id: id, name: try fields.text("name"), shareClass: try shareClass(fields, "class"),
      initialReserve: try fields.shares("reserve"), adopted: try fields.date("adopted"),
      cancellationBehavior: try fields.choice("cancellation", default: .returnToPool))
    image?.definitionSources["plan:" + id.rawValue] = fields.location
    image?.plans.append(plan)
    try expectEmpty(element)
  }
}
