import Basics
import Foundation
import TestSupport
import Testing

@testable import Invoicing

@Suite struct JournalTests {
  /// A book of four lines: settings, registers, an attested invoice, a payment on it.
  func writtenBook(_ directory: TemporaryDirectory) throws -> String {
    let book = try exampleBook(in: directory)
    let id = try book.transact { tx in
      let id = try tx.draft(f1001)
      _ = try tx.attest(id, on: d("2025-03-10"))
      return id
    }
    try book.transact { try $0.pay(id, amount: Amount(kronor: 3000), on: d("2025-04-05")) }
    return book.directory
  }

  func journal(_ path: String) -> String { FilePath.join(path, Journal.fileName) }

  func lines(_ path: String) throws -> [String] {
    try String(contentsOfFile: journal(path), encoding: .utf8).split(separator: "\n").map(
      String.init)
  }

  func write(_ lines: [String], to path: String, finalNewline: Bool = true) throws {
    let text = lines.joined(separator: "\n") + (finalNewline ? "\n" : "")
    try text.write(toFile: journal(path), atomically: true, encoding: .utf8)
  }

  @Test func replayGivesTheSameState() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    let reopened = try Book.open(at: path)
    let record = try #require(reopened.state.invoice(named: "1001"))
    #expect(record.state == .attested)
    #expect(record.open == Amount(kronor: 8120))
    #expect(reopened.lineCount == 4)
  }

  @Test func everyLineIsChainedToTheOneBefore() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    var previous = String(repeating: "0", count: 64)
    for (index, line) in try lines(path).enumerated() {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(object["seq"] as? Int == index + 1)
      #expect(object["prev"] as? String == previous)
      #expect(object["time"] as? String == "2025-01-01T00:00:00Z")
      previous = SHA256.hex(Array(line.utf8))
    }
  }

  @Test func anEditedLineIsFound() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    var content = try lines(path)
    content[1] = content[1].replacingOccurrences(of: "Berg HB", with: "Berg AB")
    #expect(content[1].contains("Berg AB"))
    try write(content, to: path)
    #expect(
      throws: Journal.Problem.tampered(
        line: 3, reason: "prev: the hash of the line before does not match")
    ) {
      try Book.open(at: path)
    }
  }

  @Test func reorderedOrRemovedLinesAreFound() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    let content = try lines(path)
    try write([content[0], content[2], content[1], content[3]], to: path)
    #expect(throws: Journal.Problem.self) { try Book.open(at: path) }
    try write([content[0], content[2], content[3]], to: path)
    #expect(throws: Journal.Problem.self) { try Book.open(at: path) }
  }

  @Test func losingLinesFromTheEndIsFound() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    let content = try lines(path)
    try write(Array(content.dropLast()), to: path)
    #expect(
      throws: Journal.Problem.tampered(
        line: 4, reason: "the journal ends after 3 lines but held 4; lines were lost from its end")
    ) {
      try Book.open(at: path)
    }
  }

  @Test func aTornLastLineIsRepairedWithABackup() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    let original = try Data(contentsOf: URL(fileURLWithPath: journal(path)))
    var content = try lines(path)
    // A crash while writing line 4: part of it on disk, the head still at line 3.
    let head = "3 " + SHA256.hex(Array(content[2].utf8)) + "\n"
    content[3] = String(content[3].prefix(40))
    try write(content, to: path, finalNewline: false)
    try head.write(toFile: FilePath.join(path, Journal.headFile), atomically: true, encoding: .utf8)
    // A reader sees the three acknowledged lines and leaves the file as it was.
    let torn = try Data(contentsOf: URL(fileURLWithPath: journal(path)))
    #expect(try Book.open(at: path).lineCount == 3)
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal(path))) == torn)
    // `book repair` keeps a copy of every byte.
    let backup = try #require(try Book.repair(at: path))
    #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == torn)
    let repaired = try Book.open(at: path, forWriting: true)
    #expect(repaired.lineCount == 3)
    #expect(repaired.warnings.isEmpty)
    #expect(repaired.state.invoice(named: "1001")?.payments.isEmpty == true)
    #expect(original.count > torn.count)
    // The book goes on from the repaired end.
    try repaired.transact { try $0.pay(1, amount: Amount(kronor: 1), on: d("2025-04-06")) }
    #expect(try Book.open(at: path).lineCount == 4)
  }

  /// A write killed on the way leaves a temporary beside its file; the next writer removes
  /// it (and nothing that is not one).
  @Test func theNextWriterRemovesTemporariesOfKilledWrites() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    let stale = [
      ".journal.head.tmp-rCS15U", ".book.json.tmp-a1B2c3", "documents/.x.pdf.tmp-ZZZZZZ",
    ]
    try FileManager.default.createDirectory(
      atPath: FilePath.join(path, "documents"), withIntermediateDirectories: true)
    for name in stale + [".notes.tmp-x", "keep.tmp-abcdef"] {
      #expect(FileManager.default.createFile(atPath: FilePath.join(path, name), contents: Data()))
    }
    _ = try Book.open(at: path)
    #expect(stale.allSatisfy { FileManager.default.fileExists(atPath: FilePath.join(path, $0)) })
    _ = try Book.open(at: path, forWriting: true)
    #expect(stale.allSatisfy { !FileManager.default.fileExists(atPath: FilePath.join(path, $0)) })
    #expect(FileManager.default.fileExists(atPath: FilePath.join(path, ".notes.tmp-x")))
    #expect(FileManager.default.fileExists(atPath: FilePath.join(path, "keep.tmp-abcdef")))
  }

  /// The next writer drops a torn tail the head never acknowledged by itself (a killed
  /// command), keeping a backup, and says so.
  @Test func theNextWriterDropsAnUnacknowledgedTornTail() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    var content = try lines(path)
    let head = "3 " + SHA256.hex(Array(content[2].utf8)) + "\n"
    content[3] = String(content[3].prefix(40))
    try write(content, to: path, finalNewline: false)
    try head.write(toFile: FilePath.join(path, Journal.headFile), atomically: true, encoding: .utf8)
    let torn = try Data(contentsOf: URL(fileURLWithPath: journal(path)))
    let writer = try Book.open(at: path, forWriting: true)
    #expect(writer.lineCount == 3)
    #expect(writer.warnings.map(\.code) == [.unfinishedWriteDropped])
    let backups = try FileManager.default.contentsOfDirectory(atPath: path).filter {
      $0.hasPrefix("journal.jsonl.torn-")
    }
    #expect(backups.count == 1)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: FilePath.join(path, backups[0]))) == torn)
    try writer.transact { try $0.pay(1, amount: Amount(kronor: 1), on: d("2025-04-06")) }
    #expect(try Book.open(at: path).lineCount == 4)
  }

  /// A line the head acknowledges is never dropped: cut short, it is damage, not a crash.
  @Test func anAcknowledgedLineCutShortIsDamageAndIsNotRepaired() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    var content = try lines(path)
    content[3] = String(content[3].prefix(40))
    try write(content, to: path, finalNewline: false)
    let before = try FilePath.read(journal(path))
    #expect(throws: Journal.Problem.self) { try Book.open(at: path) }
    let refusal = #expect(throws: Journal.Problem.self) { try Book.repair(at: path) }
    #expect(refusal?.codeName == "journal-damaged")
    #expect(try FilePath.read(journal(path)) == before)
    // A whole line of garbage is damage too.
    var garbage = try lines(path).dropLast().map { $0 }
    garbage.append("\u{1}not json at all")
    try write(garbage, to: path)
    #expect(throws: Journal.Problem.self) { try Book.repair(at: path) }
    // So is a missing head, also when the last lines (or all of them) are gone.
    try write(Array(try lines(path).prefix(2)), to: path)
    try FileManager.default.removeItem(atPath: FilePath.join(path, Journal.headFile))
    let missing = #expect(throws: Journal.Problem.self) { try Book.open(at: path) }
    #expect(missing?.message.contains("journal.head is missing") == true)
  }

  @Test func repairLeavesAHealthyOrTamperedJournalAlone() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    #expect(try Book.repair(at: path) == nil)
    var content = try lines(path)
    content[1] = content[1].replacingOccurrences(of: "\"seq\":2", with: "\"seq\":7")
    try write(content, to: path)
    let before = try Data(contentsOf: URL(fileURLWithPath: journal(path)))
    #expect(throws: Journal.Problem.self) { try Book.repair(at: path) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal(path))) == before)
  }

  @Test func aSecondWriterIsKeptOut() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    let writer = try Book.open(at: path, forWriting: true)
    let locked = #expect(throws: BookError.self) { try Book.open(at: path, forWriting: true) }
    #expect(locked?.code == .bookLocked)
    // Readers are not kept out; the writer goes on.
    #expect(try Book.open(at: path).lineCount == 4)
    try writer.transact { try $0.pay(1, amount: Amount(kronor: 1), on: d("2025-04-06")) }
    let reader = try Book.open(at: path)
    let readOnly = #expect(throws: BookError.self) {
      try reader.transact { try $0.pay(1, amount: Amount(kronor: 1), on: d("2025-04-07")) }
    }
    #expect(readOnly?.code == .bookReadOnly)
  }

  @Test func aRefusedTransactionWritesNothing() throws {
    let directory = TemporaryDirectory()
    let path = try writtenBook(directory)
    let before = try Data(contentsOf: URL(fileURLWithPath: journal(path)))
    let book = try Book.open(at: path, forWriting: true)
    let refusal = #expect(throws: BookError.self) {
      try book.transact { tx in
        try tx.pay(1, amount: Amount(kronor: 1), on: d("2025-04-06"))
        try tx.remind(1, on: d("2025-03-11"))  // not overdue yet
      }
    }
    #expect(refusal?.code == .notOverdue)
    #expect(refusal?.subject.invoice == "1001")
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal(path))) == before)
    #expect(book.state.invoice(named: "1001")?.payments.count == 1)
  }
}

@Suite struct AttachmentTests {
  static let pdf = Array("%PDF-1.4\n%\u{e2}\u{e3}\n1 0 obj <<>> endobj\n%%EOF\n".utf8)

  @Test func pdfsAreStoredByContentHash() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let attachment = try book.storeAttachment(
      Self.pdf, fileName: "/tmp/x/Följesedel.pdf", placement: .appendix)
    #expect(attachment.hash == SHA256.hex(Self.pdf))
    #expect(attachment.fileName == "Följesedel.pdf")
    #expect(
      FileManager.default.contents(atPath: book.documentPath(attachment.hash)) == Data(Self.pdf))
    let id = try book.transact { tx in
      let id = try tx.draft(f1001)
      try tx.attach(attachment, to: id)
      return id
    }
    #expect(
      try Book.open(at: book.directory).state.invoices[id]?.invoice.attachments == [attachment])
  }

  /// Files the book refuses, by name (the 10 MiB one is built in the test, not shown as an argument).
  static func refused(_ name: String) -> [UInt8] {
    switch name {
    case "not a PDF": Array("GIF89a".utf8)
    case "a PDF by name only": Array("hello".utf8)
    case "empty": []
    case "a PDF cut short": Array("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n".utf8)
    default: Array("%PDF-".utf8) + [UInt8](repeating: 0x20, count: 10 * 1024 * 1024 - 4)
    }
  }

  @Test(arguments: [
    ("not a PDF", BookError.Code.attachmentNotPdf), ("a PDF by name only", .attachmentNotPdf),
    ("empty", .attachmentNotPdf), ("a PDF cut short", .attachmentNotPdf),
    ("10 MiB + 1 byte", .attachmentTooLarge),
  ])
  func refuses(_ name: String, code: BookError.Code) throws {
    let bytes = Self.refused(name)
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let refusal = #expect(throws: BookError.self, "\(name)") {
      try book.storeAttachment(bytes, fileName: "x.pdf", placement: .appendix)
    }
    #expect(refusal?.code == code)
    #expect(refusal?.subject.file == "x.pdf")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.file("book/documents")).isEmpty)
  }

  @Test func exactlyTenMiBIsAccepted() throws {
    let directory = TemporaryDirectory()
    let book = try exampleBook(in: directory)
    let head = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".utf8)
    let tail = Array("%%EOF\n".utf8)
    let bytes =
      head + [UInt8](repeating: 0x20, count: 10 * 1024 * 1024 - head.count - tail.count) + tail
    #expect(bytes.count == Book.maximumAttachmentSize)
    _ = try book.storeAttachment(bytes, fileName: "big.pdf", placement: .appendix)
  }
}
