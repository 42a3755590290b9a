import Mustache

/// The team server's page templates (`Templates/server/*.mustache`, embedded by
/// `scripts/embed-server-templates`): Mustache escapes every value it prints as HTML.
enum PageTemplates {
  /// The templates, by name; `head` and `foot` are the partials every page includes.
  static let library: MustacheLibrary = {
    var library = MustacheLibrary()
    // A template that does not parse is left out (and its page renders empty);
    // PageTemplatesTests parses every one.
    for (name, text) in texts { try? library.register(text, named: name) }
    return library
  }()

  /// The page `name` rendered with `values`.
  static func render(_ name: String, _ values: [String: Any]) -> String {
    library.render(values, withTemplate: name) ?? ""
  }
}
