// swift-tools-version:6.0
import PackageDescription

// The module graph, bottom up:
//   Basics                 values (Amount, Day, ExactDecimal, identity numbers) and byte tools
//   PDF, Zip               leaf writers with no domain knowledge
//   SIE                    the SIE 1–4 codec (Basics only: usable alone)
//   Invoicing              the book: registers, invoices, the journal (Basics, PDF)
//   Ledger                 posting and export (Basics, SIE, Invoicing, Zip)
//   Reconcile              payment files, matching, the queue (Basics, Invoicing)
//   sietool                the command line over all of them
let package = Package(
  name: "sietool",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "Basics", targets: ["Basics"]),
    .library(name: "SIE", targets: ["SIE"]),
    .library(name: "Invoicing", targets: ["Invoicing"]),
    .library(name: "Ledger", targets: ["Ledger"]),
    .library(name: "Reconcile", targets: ["Reconcile"]),
    .executable(name: "sietool", targets: ["sietool"]),
  ],
  targets: [
    .target(name: "Basics"),
    .target(name: "PDF"),
    .target(name: "Zip", dependencies: ["Basics"]),
    .target(name: "SIE", dependencies: ["Basics"]),
    .target(name: "Invoicing", dependencies: ["Basics", "PDF"]),
    .target(name: "Ledger", dependencies: ["Basics", "SIE", "Invoicing", "PDF", "Zip"]),
    .target(name: "Reconcile", dependencies: ["Basics", "Invoicing"]),
    .executableTarget(
      name: "sietool", dependencies: ["Basics", "SIE", "Invoicing", "Ledger", "Reconcile"]),
    .executableTarget(
      name: "Benchmarks", dependencies: ["Basics", "SIE", "Invoicing", "Ledger", "Zip", "Reconcile"],
      path: "Benchmarks"),
    .target(name: "TestSupport", dependencies: ["Basics"], path: "Tests/TestSupport"),
    .testTarget(name: "BasicsTests", dependencies: ["Basics", "TestSupport"]),
    .testTarget(
      name: "InvoicingTests", dependencies: ["Invoicing", "Basics", "PDF", "TestSupport"]),
    .testTarget(name: "SIETests", dependencies: ["SIE", "Basics", "TestSupport"]),
    .testTarget(
      name: "LedgerTests",
      dependencies: ["Ledger", "SIE", "Invoicing", "Basics", "Zip", "Reconcile", "TestSupport"]),
    .testTarget(
      name: "ReconcileTests",
      dependencies: ["Reconcile", "Invoicing", "Ledger", "Basics", "TestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "sietoolTests",
      dependencies: ["sietool", "SIE", "Invoicing", "Ledger", "Reconcile", "Basics", "TestSupport"]),
  ]
)
