extension ServerError {
  /// A request signed in by its cookie that changes something without the form's token.
  static let csrf = ServerError(
    .forbidden, "csrf",
    "the form's security token is missing or out of date: reload the page and try again")
}
