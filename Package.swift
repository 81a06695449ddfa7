// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mailzone",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mailzone", targets: ["mailzone"]),
        .library(name: "ZoneFile", targets: ["ZoneFile"]),
        .library(name: "MailAuth", targets: ["MailAuth"]),
        .library(name: "MailZone", targets: ["MailZone"]),
        .library(name: "DNSClient", targets: ["DNSClient"]),
    ],
    dependencies: [
        // Tests only: Yams' public API is the oracle of the YAML differential tests.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Documentation only: `swift package generate-documentation --target ZoneFile` (CONTRIBUTING.md).
        // A command plugin: nothing of it is built unless that command is run.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The zone-file library: lossless syntax, records, diagnostics. Toolchain only.
        .target(name: "ZoneFile", dependencies: ["CMemoryPrefetch"]),
        // A cache prefetch hint for ZoneFile's name table (Swift has none): one inline C function.
        .target(name: "CMemoryPrefetch"),
        // Email authentication rules (SPF, DKIM, DMARC, MX) and the services' presets. ZoneFile gives
        // it the one character-string and IP address syntax (ZoneFile depends on nothing of ours but its prefetch hint, so no cycle).
        .target(
            name: "MailAuth",
            dependencies: ["ZoneFile", .product(name: "SwiftASN1", package: "swift-asn1")],
            // The preset YAML files are compiled in (EmbedPresets), not shipped as a resource
            // bundle, so the binary needs nothing beside it.
            exclude: ["Presets"],
            plugins: ["EmbedPresets"]
        ),
        // DNS messages (RFC 1035 wire format, EDNS0) and their transport (UDP, TCP) over POSIX sockets.
        // TSIG (RFC 8945) signs dynamic updates with swift-crypto's HMAC.
        .target(name: "DNSClient", dependencies: ["ZoneFile", .product(name: "Crypto", package: "swift-crypto")]),
        // The system's libyaml (Debian: libyaml-dev), the YAML parser the design names: the
        // distribution's copy, so its security updates reach mailzone. A release build can link
        // its libyaml.a instead (scripts/static-libyaml/README.md).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Declaration, planner, renderers, apply, verify. The YAML declaration and preset files
        // are read from libyaml's parser events, with positions: see YAMLTreeBuilder.
        .target(
            name: "MailZone",
            dependencies: [
                "ZoneFile", "MailAuth", "DNSClient", "CLibYAML",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command line: argument parsing only, the work is in the libraries.
        .executableTarget(
            name: "mailzone",
            dependencies: [
                "ZoneFile", "MailAuth", "MailZone", "DNSClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // `mailzone --version`: CHANGELOG.md's release and the commit, stamped at build time;
            // `mailzone schema` and `init`: the JSON Schemas, compiled in.
            plugins: ["EmbedVersion", "EmbedSchemas"]
        ),
        // Build-time only: writes the sources the plugins below add to their targets.
        .executableTarget(name: "Embedder"),
        .plugin(name: "EmbedPresets", capability: .buildTool(), dependencies: ["Embedder"]),
        .plugin(name: "EmbedVersion", capability: .buildTool(), dependencies: ["Embedder"]),
        .plugin(name: "EmbedSchemas", capability: .buildTool(), dependencies: ["Embedder"]),
        // Test servers shared by the DNS client's and verify's tests (crafted answers on loopback).
        .target(name: "DNSTestSupport", dependencies: ["DNSClient", "ZoneFile"], path: "Tests/DNSTestSupport"),
        // Test helpers shared by every test target, one file each: golden files, free ports on
        // loopback, the JSON Schema validator, fuzz-regression inputs, a seeded generator, fresh
        // folders of files, test keys, tool processes, a FIFO watch.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ZoneFileTests", dependencies: ["ZoneFile", "TestSupport"], resources: [.copy("Fixtures")]),
        // ZoneFile as another project adopts it: `import ZoneFile` only, never `@testable`, so what these
        // tests call is the public API.
        .testTarget(name: "ZoneFileAPITests", dependencies: ["ZoneFile"]),
        .testTarget(
            name: "MailAuthTests",
            dependencies: ["MailAuth", "ZoneFile", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(
            name: "MailZoneTests",
            dependencies: [
                "MailZone", "ZoneFile", "MailAuth", "DNSClient", "DNSTestSupport", "TestSupport",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DNSClientTests", dependencies: ["DNSClient", "ZoneFile", "DNSTestSupport", "TestSupport"],
            resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
