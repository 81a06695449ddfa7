// swift-tools-version:6.0
// libFuzzer targets for mailzone. Not part of the main package: build and run them with `Fuzz/run`.
import PackageDescription

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
        .executableTarget(name: "FuzzZone", dependencies: ["FuzzDriver", .product(name: "ZoneFile", package: "mailzone")]),
        .executableTarget(name: "FuzzMailAuth", dependencies: ["FuzzDriver", .product(name: "MailAuth", package: "mailzone")]),
        .executableTarget(
            name: "FuzzDeclaration",
            dependencies: [
                "FuzzDriver",
                .product(name: "MailZone", package: "mailzone"),
                .product(name: "MailAuth", package: "mailzone"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
