// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "sietool",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "Invoicing", targets: ["Invoicing"]),
    .library(name: "SIE", targets: ["SIE"]),
    .library(name: "Ledger", targets: ["Ledger"]),
    .executable(name: "sietool", targets: ["sietool"]),
  ],
  targets: [
    .target(name: "Invoicing"),
    .target(name: "SIE", dependencies: ["Invoicing"]),
    .target(name: "Ledger", dependencies: ["Invoicing", "SIE"]),
    .executableTarget(name: "sietool", dependencies: ["Invoicing", "SIE", "Ledger"]),
    .executableTarget(
      name: "Benchmarks", dependencies: ["Invoicing", "SIE", "Ledger"], path: "Benchmarks"),
    .testTarget(name: "InvoicingTests", dependencies: ["Invoicing"]),
    .testTarget(name: "SIETests", dependencies: ["SIE", "Invoicing"]),
    .testTarget(name: "LedgerTests", dependencies: ["Ledger", "SIE", "Invoicing"]),
    .testTarget(name: "sietoolTests", dependencies: ["sietool", "SIE", "Invoicing", "Ledger"]),
  ]
)
