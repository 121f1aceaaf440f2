// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "sietool",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "Invoicing", targets: ["Invoicing"]),
    .library(name: "SIE", targets: ["SIE"]),
    .executable(name: "sietool", targets: ["sietool"]),
  ],
  targets: [
    .target(name: "Invoicing"),
    .target(name: "SIE", dependencies: ["Invoicing"]),
    .executableTarget(name: "sietool", dependencies: ["Invoicing", "SIE"]),
    .executableTarget(name: "Benchmarks", dependencies: ["Invoicing", "SIE"], path: "Benchmarks"),
    .testTarget(name: "InvoicingTests", dependencies: ["Invoicing"]),
    .testTarget(name: "SIETests", dependencies: ["SIE", "Invoicing"]),
    .testTarget(name: "sietoolTests", dependencies: ["sietool", "SIE", "Invoicing"]),
  ]
)
