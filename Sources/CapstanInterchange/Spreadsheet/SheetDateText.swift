import CapstanModel
import Foundation

/// How a date written as text with slashes (`03/01/2025`) is read.
public enum SheetDateFormat: String, Sendable, CaseIterable {
  /// Month first, as in the United States: `03/01/2025` is March 1.
  case us
  /// Day first: `03/01/2025` is January 3.
  case dmy
  /// Only `YYYY-MM-DD` (and written dates such as `January 15, 2025`).
  case iso
}

/// Dates typed as text: ISO (`2025-01-15`), numeric with slashes, dashes or dots
/// (`01/15/2025`, `15.01.2025`) and written (`January 15, 2025`, `15 Jan 2025`, `15-Jan-2025`).
enum SheetDateText {
  /// How a text was read.
  enum Reading: Equatable {
    /// ISO or written: no ambiguity.
    case unambiguous(CalendarDate)
    /// Numeric, read with the order given (or US order when none was given).
    case numeric(CalendarDate, assumedUS: Bool)
  }

  private static let months = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]

  /// The date of `text`, or an error message saying what was expected.
  static func read(_ text: String, format: SheetDateFormat?) -> Result<Reading, DateTextError> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let date = CalendarDate(iso: String(trimmed.prefix(10))),
      trimmed.count == 10 || trimmed.dropFirst(10).first == "T"
        || trimmed.dropFirst(10).first == " "
    {
      return .success(.unambiguous(date))
    }
    let tokens = trimmed.lowercased().split { " ,-/.".contains($0) }.map(String.init)
    guard tokens.count == 3 else { return .failure(.notADate) }
    // Written: one token is a month name.
    if let monthIndex = tokens.firstIndex(where: { token in
      token.count >= 3 && token.allSatisfy(\.isLetter) && months.contains(String(token.prefix(3)))
    }) {
      guard let month = months.firstIndex(of: String(tokens[monthIndex].prefix(3))) else {
        return .failure(.notADate)
      }
      let numbers = tokens.indices.filter { $0 != monthIndex }.compactMap { Int(tokens[$0]) }
      guard numbers.count == 2 else { return .failure(.notADate) }
      let (day, year) = numbers[0] > 31 ? (numbers[1], numbers[0]) : (numbers[0], numbers[1])
      guard year >= 1000, let date = CalendarDate(year: year, month: month + 1, day: day) else {
        return .failure(.notADate)
      }
      return .success(.unambiguous(date))
    }
    let numbers = tokens.compactMap { Int($0) }
    guard numbers.count == 3, tokens[2].count == 4, let year = Optional(numbers[2]) else {
      return .failure(.notADate)
    }
    switch format {
    case .iso: return .failure(.isoOnly)
    case .dmy:
      guard let date = CalendarDate(year: year, month: numbers[1], day: numbers[0]) else {
        return .failure(.notInOrder("DD/MM/YYYY"))
      }
      return .success(.numeric(date, assumedUS: false))
    case .us, nil:
      guard let date = CalendarDate(year: year, month: numbers[0], day: numbers[1]) else {
        return .failure(format == nil ? .dayFirstWithoutFormat : .notInOrder("MM/DD/YYYY"))
      }
      return .success(.numeric(date, assumedUS: format == nil))
    }
  }
}

/// Why a text is not a date.
enum DateTextError: Error, Equatable {
  case notADate
  case isoOnly
  case notInOrder(String)
  case dayFirstWithoutFormat

  /// What was expected, for a message.
  var expected: String {
    switch self {
    case .notADate:
      "a date as YYYY-MM-DD, MM/DD/YYYY, January 15, 2025, or a date cell"
    case .isoOnly: "a date as YYYY-MM-DD (--date-format iso)"
    case .notInOrder(let order): "a date as \(order) (--date-format)"
    case .dayFirstWithoutFormat:
      "a date as MM/DD/YYYY (US order, the default); if the sheet writes the day first, "
        + "import with --date-format dmy"
    }
  }
}
