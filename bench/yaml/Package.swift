// swift-tools-version:6.0
// The declaration reader's benchmark (bench/yaml-reader): mailzone's reader and Yams' compose
// on the same file. Not part of the main package, so the product never depends on Yams.
// Two executables, one per parser, so that each process's peak RSS is its parser's alone and
// each links one libyaml: the reader the system's, Yams its own vendored copy.
import PackageDescription

let package = Package(
    name: "mailzone-bench-yaml",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "mailzone", path: "../.."),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Reading the file and timing the runs, the same for both executables.
        .target(name: "BenchClock"),
        // mailzone's reader; built with -enable-testing to reach the YAML document builder.
        .executableTarget(
            name: "ReadDeclaration",
            dependencies: [
                "BenchClock",
                .product(name: "MailZone", package: "mailzone"),
                .product(name: "MailAuth", package: "mailzone"),
            ]
        ),
        .executableTarget(name: "ComposeWithYams", dependencies: ["BenchClock", .product(name: "Yams", package: "Yams")]),
    ],
    swiftLanguageModes: [.v6]
)
