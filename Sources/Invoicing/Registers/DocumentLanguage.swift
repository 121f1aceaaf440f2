/// The language a customer's documents are printed in.
public enum DocumentLanguage: String, Hashable, Sendable, CaseIterable {
  case swedish = "sv"
  case english = "en"
}
