// swift-tools-version:6.0
//
// Juesuan — 决算表格工具包. The flow is visible in the targets:
//   XLSX bytes → SpreadsheetKit (generic workbook layer over libzip/libxml2/libxlsxwriter)
//              → JuesuanCore (mapping engine, canonical model, checks) → SpreadsheetKit writer → XLSX
import PackageDescription

let package = Package(
    name: "Juesuan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SpreadsheetKit", targets: ["SpreadsheetKit"]),
        .library(name: "JuesuanCore", targets: ["JuesuanCore"]),
        .executable(name: "juesuan", targets: ["juesuan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // C libraries from Debian (-dev packages), found through pkg-config.
        .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CFreeXL", pkgConfig: "freexl", providers: [.apt(["libfreexl-dev"])]),

        // Generic spreadsheet layer: knows nothing about 决算. No C pointer escapes its public API.
        .target(name: "SpreadsheetKit", dependencies: ["CZip", "CLibXML2", "CXlsxWriter", "CFreeXL"],
                // The SAX callbacks mutate parser state millions of times per sheet; dynamic
                // exclusivity checks cost ~7% of a read there (callgrind), so they are off here.
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),

        // The 决算 domain: canonical model, mapping engine, importer, checks.
        .target(name: "JuesuanCore", dependencies: ["SpreadsheetKit", .product(name: "Yams", package: "Yams")]),

        .executableTarget(
            name: "juesuan",
            dependencies: ["SpreadsheetKit", "JuesuanCore",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "juesuan-bench", dependencies: ["SpreadsheetKit", "JuesuanCore"]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SpreadsheetKitTests", dependencies: ["SpreadsheetKit", "TestSupport"]),
        .testTarget(name: "JuesuanCoreTests", dependencies: ["JuesuanCore", "SpreadsheetKit", "TestSupport"]),
        .testTarget(name: "JuesuanCLITests", dependencies: ["TestSupport", "SpreadsheetKit", "juesuan"]),
    ]
)
