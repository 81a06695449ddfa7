// swift-tools-version:6.0
// libFuzzer targets for mailzone. Not part of the main package: build and run them with `Fuzz/run`.
import PackageDescription

// Each fuzz target's one file defines `FuzzTARGET_main` (see README.md) and no top-level code:
// it is compiled as a library file. Set here, not with `-Xswiftc -parse-as-library` on the
// command line, which reaches the main package's build tools too (the preset embedder's
// main.swift) and fails there.
let library: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "mailzone-fuzz",
    platforms: [.macOS(.v13)],
    // MailZone brings the system's libyaml (its CLibYAML target, pkg-config yaml-0.1: libyaml-dev),
    // the same library the mailzone binary reads declarations with.
    dependencies: [
        .package(name: "mailzone", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for the Swift targets.
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzZone", dependencies: ["FuzzDriver", .product(name: "ZoneFile", package: "mailzone")],
            swiftSettings: library),
        .executableTarget(
            name: "FuzzMailAuth", dependencies: ["FuzzDriver", .product(name: "MailAuth", package: "mailzone")],
            swiftSettings: library),
        .executableTarget(
            name: "FuzzDeclaration",
            dependencies: [
                "FuzzDriver",
                .product(name: "MailZone", package: "mailzone"),
                .product(name: "MailAuth", package: "mailzone"),
            ],
            swiftSettings: library
        ),
    ],
    swiftLanguageModes: [.v6]
)
