import Basics

/// A table for text output: a header row, then the rows, columns padded to their widest cell
/// (amounts and counts right-aligned). Control characters in cells are shown escaped, so a
/// name cannot move the cursor or forge a line.
struct TextTable {
  struct Column {
    var title: String
    var rightAligned = false
  }

  var columns: [Column]
  var rows: [[String]] = []

  init(_ columns: [Column]) { self.columns = columns }

  /// `TextTable("number", "name", right: "total")`-style construction.
  init(_ titles: [String], rightAligned: Set<String> = []) {
    columns = titles.map { Column(title: $0, rightAligned: rightAligned.contains($0)) }
  }

  mutating func append(_ cells: [String]) { rows.append(cells.map(TextTable.escaped)) }

  /// The lines: header first.
  var lines: [String] {
    var widths = columns.map(\.title.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      var parts = [String]()
      for (index, cell) in cells.enumerated() where index < columns.count {
        let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
        let isLast = index == columns.count - 1
        parts.append(columns[index].rightAligned ? pad + cell : (isLast ? cell : cell + pad))
      }
      var line = parts.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      return line
    }
    return [line(columns.map(\.title))] + rows.map(line)
  }

  func print(to console: Console) { lines.forEach { console.print($0) } }

  /// `text` with control characters written as `\u{…}` escapes (tab, CR, LF, ESC, NUL …).
  static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
