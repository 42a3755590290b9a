import CapstanModel
import CapstanXML

extension NativeXMLReader {
  /// One transaction element of `<transactions>`: its date and ledger event, read by the codec
  /// of the element's kind (`XMLEventTable`), every attribute checked (unknown ones refused
  /// with the line).
  mutating func transaction(_ element: XMLElement) throws(ImportError)
    -> (date: CalendarDate, event: LedgerEvent)
  {
    guard let kind = LedgerEvent.Kind(rawValue: element.name) else {
      throw error(
        "unexpected <\(element.name)> in <transactions> (expected \(LedgerEvent.Kind.wordList))",
        line: element.line)
    }
    guard let codec = XMLEventTable.shared[kind] else {
      throw error("<\(element.name)> cannot be read by this version", line: element.line)
    }
    let f = try Fields(element, file: file, allowed: Self.common + codec.xmlAttributes)
    transactionsRead += 1
    var fileSequence = transactionsRead
    if f.optional("seq") != nil {
      let sequence = try f.int("seq", in: 1...Int(Int32.max))
      guard sequence > lastSequence else {
        throw f.error(
          "seq=\"\(sequence)\" must be greater than the previous transaction's (\(lastSequence)): transactions are listed in recording order"
        )
      }
      lastSequence = sequence
      fileSequence = sequence
    }
    positions[fileSequence] = transactionsRead
    let date = try f.date("date")
    let event = try codec.read(element, f, self)
    if !codec.readsChildren { try expectEmpty(element) }
    if f.optional("balance-custom-id") != nil && f.optional("balance-security") == nil {
      throw f.error("balance-custom-id names the id of a balance-security, and there is none")
    }
    return (
      date,
      event.withCustomID(f.optional("custom-id"))
        .withBalanceCustomID(f.optional("balance-custom-id"))
    )
  }

  /// The optional `<vesting>` and `<vesting-terms>` children of an issue or grant (of
  /// `quantity` shares), through the element's end tag.
  func vesting(_ element: XMLElement, quantity: Shares) throws(ImportError)
    -> (VestingSchedule?, VestingTerms?)
  {
    if element.isEmpty {
      _ = try next()
      return (nil, nil)
    }
    var schedule: VestingSchedule?
    var terms: VestingTerms?
    while let child = try child(of: element.name) {
      switch child.name {
      case "vesting" where schedule == nil && terms == nil:
        schedule = try self.schedule(child)
      case "vesting-terms" where terms == nil:
        terms = try vestingTerms(child, quantity: quantity)
      default:
        throw error(
          "unexpected <\(child.name)> in <\(element.name)> (expected at most one <vesting>, "
            + "then at most one <vesting-terms>)", line: child.line)
      }
    }
    return (schedule, terms)
  }
}
