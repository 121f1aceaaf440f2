import Basics
import Foundation
import Glibc
import Invoicing
import TestSupport
import Testing

@testable import sietool

/// The built `sietool` as separate processes: killed with SIGKILL at random points, and run
/// side by side. Each test is bounded in time.
@Suite(.serialized) struct ProcessTests {
  /// The `sietool` executable next to the test bundle.
  static let binary: String? = {
    let directory = FilePath.directory(of: OutputPath.realPath("/proc/self/exe") ?? "")
    let candidate = FilePath.join(directory, "sietool")
    return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
  }()

  /// Starts `sietool` with its output discarded.
  static func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(binary))
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Runs `sietool` to its end; the exit status and standard error.
  static func run(_ arguments: [String]) throws -> (status: Int32, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(binary))
    process.arguments = arguments
    let error = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = error
    try process.run()
    let bytes = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: bytes, as: UTF8.self))
  }

  /// A book with product TJ (its customers come with each import).
  func makeBook(_ directory: TemporaryDirectory) -> String {
    let book = newBook(in: directory)
    #expect(
      sietool(
        "product", "add", "--book", book, "--number", "TJ", "--name", "Tjänst", "--price",
        "1000.00", "--vat", "25"
      ).status == 0)
    return book
  }

  /// An import of `count` customers, each with an attested invoice.
  func importDocument(round: Int, count: Int) -> (json: String, customers: [String]) {
    let customers = (0..<count).map { "R\(round)-\($0)" }
    let rows = customers.map { #"{"number":"\#($0)","name":"Kund \#($0)"}"# }
    let invoices = customers.map {
      #"{"externalId":"\#($0)","customer":"\#($0)","invoiceDate":"2025-03-10","lines":[{"product":"TJ","quantity":"2"}]}"#
    }
    let actions = customers.map { #"{"action":"attest","invoice":"\#($0)","date":"2025-03-10"}"# }
    let json =
      #"{"customers":[\#(rows.joined(separator: ","))],"invoices":[\#(invoices.joined(separator: ","))],"actions":[\#(actions.joined(separator: ","))]}"#
    return (json, customers)
  }

  /// Files a killed command may leave and must not: temporaries of atomic writes.
  func temporaries(in directory: String) -> [String] {
    let names = (try? FileManager.default.subpathsOfDirectory(atPath: directory)) ?? []
    return names.filter { FilePath.name(of: $0).contains(".tmp-") }
  }

  @Test func killedImportsLoseNothingAcknowledgedAndAddNothingHalf() throws {
    try #require(Self.binary != nil, "the sietool executable is built with the tests")
    let directory = TemporaryDirectory()
    let book = makeBook(directory)
    var random = SplitMix64(seed: 0x5EED)
    var acknowledged = Set<String>()
    var attempted: Set<String> = ["K1"]  // the book's own customer
    let start = Date()
    var round = 0
    var killed = 0
    while round < 40 && Date().timeIntervalSince(start) < 25 {
      round += 1
      let (json, customers) = importDocument(round: round, count: 60)
      let document = directory.write("import-\(round).json", json)
      attempted.formUnion(customers)
      let process = try Self.start(["import", "--book", book, document])
      usleep(UInt32.random(in: 0..<250_000, using: &random))
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        killed += 1
      }
      process.waitUntilExit()
      if process.terminationReason == .exit && process.terminationStatus == 0 {
        acknowledged.formUnion(customers)
      }
      // The book opens for reading and writing, and holds whole imports only.
      let state = try Book.open(at: book).state
      let present = Set(state.customers.keys)
      #expect(acknowledged.isSubset(of: present), "round \(round): an acknowledged import was lost")
      #expect(present.isSubset(of: attempted), "round \(round): customers nobody imported")
      let got = customers.filter(present.contains).count
      #expect(got == 0 || got == customers.count, "round \(round): \(got) of \(customers.count)")
      if got > 0 { acknowledged.formUnion(customers) }
      // A kill between making a temporary and renaming it leaves the temporary; the next
      // writer removes it.
      _ = try Book.open(at: book, forWriting: true)
      #expect(temporaries(in: book).isEmpty, "round \(round): \(temporaries(in: book))")
    }
    #expect(killed > 0, "no import was killed while running: the test proved nothing")
    let verify = try Self.run(["book", "verify", "--book", book])
    #expect(verify.status == 0, "\(verify.error)")
    // Numbers stay unique and without gaps.
    let numbers = try Book.open(at: book).state.invoices.values.compactMap(\.invoice.number)
      .sorted()
    #expect(numbers == Array(numbers.first.map { $0..<($0 + numbers.count) } ?? 0..<0))
  }

  @Test func killedExportsLeaveNoHalfWrittenOutput() throws {
    try #require(Self.binary != nil, "the sietool executable is built with the tests")
    let directory = TemporaryDirectory()
    let book = makeBook(directory)
    let (json, _) = importDocument(round: 0, count: 400)
    #expect(sietool("import", "--book", book, directory.write("import.json", json)).status == 0)
    let out = directory.file("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    var random = SplitMix64(seed: 0xE4)
    let start = Date()
    var killed = 0
    var round = 0
    while round < 30 && Date().timeIntervalSince(start) < 20 {
      round += 1
      let sie = FilePath.join(out, "q1-\(round).se")
      let zip = FilePath.join(out, "q1-\(round).zip")
      let process = try Self.start([
        "export", "--book", book, "--from", "2025-01-01", "--to", "2025-03-31", "-o", sie,
        "--bundle", zip,
      ])
      usleep(UInt32.random(in: 0..<600_000, using: &random))
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        killed += 1
      }
      process.waitUntilExit()
      // What a killed export left is removed by the next writer of the book or `book verify`.
      #expect(try Self.run(["book", "verify", "--book", book]).status == 0)
      #expect(temporaries(in: out).isEmpty, "round \(round): \(temporaries(in: out))")
      #expect(temporaries(in: book).isEmpty, "round \(round): \(temporaries(in: book))")
      // The SIE file is published last: when it is there, so is the whole bundle, and both read.
      if FileManager.default.fileExists(atPath: sie) {
        #expect(FileManager.default.fileExists(atPath: zip), "round \(round)")
        let check = try Self.run(["validate", sie])
        #expect(check.status == 0, "round \(round): \(check.error)")
        if let unzip = try? TestSupport.run("unzip", ["-tq", zip]) {
          #expect(unzip.status == 0, "round \(round): \(unzip.output)")
        }
      }
    }
    #expect(killed > 0, "no export was killed while running: the test proved nothing")
    // Exports are repeatable: the same period again gives the same bytes.
    let first = FilePath.join(out, "again-1.se")
    let second = FilePath.join(out, "again-2.se")
    for path in [first, second] {
      let result = try Self.run([
        "export", "--book", book, "--from", "2025-01-01", "--to", "2025-03-31", "-o", path,
      ])
      #expect(result.status == 0, "\(result.error)")
    }
    #expect(
      FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
  }

  @Test func twoWritersAndTwoReadersSideBySide() throws {
    try #require(Self.binary != nil, "the sietool executable is built with the tests")
    let directory = TemporaryDirectory()
    let book = makeBook(directory)
    let duration = 6.0
    let start = Date()
    let lock = NSLock()
    nonisolated(unsafe) var added = [String]()
    nonisolated(unsafe) var failures = [String]()
    nonisolated(unsafe) var reads = 0
    let group = DispatchGroup()
    for writer in 0..<2 {
      group.enter()
      Thread {
        defer { group.leave() }
        var index = 0
        while Date().timeIntervalSince(start) < duration {
          index += 1
          let number = "W\(writer)-\(index)"
          do {
            let add = try Self.run([
              "customer", "add", "--book", book, "--number", number, "--name", "Kund \(number)",
            ])
            let invoice = try Self.run([
              "invoice", "new", "--book", book, "--customer", number, "--date", "2025-03-10",
              "--line", "TJ:1", "--attest",
            ])
            lock.lock()
            if add.status == 0 { added.append(number) } else { failures.append(add.error) }
            if invoice.status != 0 { failures.append(invoice.error) }
            lock.unlock()
          } catch {
            lock.lock()
            failures.append("\(error)")
            lock.unlock()
          }
        }
      }.start()
    }
    for reader in 0..<2 {
      group.enter()
      Thread {
        defer { group.leave() }
        while Date().timeIntervalSince(start) < duration {
          let arguments =
            reader == 0
            ? ["invoice", "list", "--book", book, "--format", "json"]
            : ["book", "verify", "--book", book]
          do {
            let result = try Self.run(arguments)
            lock.lock()
            reads += 1
            if result.status != 0 { failures.append("\(arguments[0]): \(result.error)") }
            lock.unlock()
          } catch {
            lock.lock()
            failures.append("\(error)")
            lock.unlock()
          }
        }
      }.start()
    }
    group.wait()
    #expect(failures.isEmpty, "\(failures.prefix(5))")
    #expect(added.count >= 4 && reads >= 4, "too few commands ran to say anything")
    let state = try Book.open(at: book).state
    // No lost update: every customer a writer added is there, with its invoice.
    #expect(Set(added).isSubset(of: Set(state.customers.keys)))
    let numbers = state.invoices.values.compactMap(\.invoice.number).sorted()
    #expect(numbers.count == added.count)
    #expect(Set(numbers).count == numbers.count, "an invoice number was handed out twice")
    #expect(numbers == Array(numbers.first.map { $0..<($0 + numbers.count) } ?? 0..<0))
  }
}
