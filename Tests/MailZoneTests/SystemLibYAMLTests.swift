import Foundation
import Testing

@testable import MailZone

/// mailzone reads YAML with the system's libyaml (the `CLibYAML` system-library target), not
/// through the C module another package builds for its own use: Yams stays a test oracle only.
@Suite struct SystemLibYAMLTests {
    /// No source file of the products imports Yams or its internal `CYaml` module.
    @Test func sourcesImportNeitherYamsNorItsCModule() throws {
        let sources = DeclarationFixtures.packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var imports: [String] = []
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let words = line.split(separator: " ")
                if words.contains("import"), words.contains("CYaml") || words.contains("Yams") {
                    imports.append("\(file.lastPathComponent):\(number + 1): \(line)")
                }
            }
        }
        #expect(imports == [])
    }

    /// The built executable holds no Yams code (Swift symbols of the module `Yams` are mangled
    /// with `4Yams`) and calls libyaml's parser.
    @Test func mailzoneBinaryHasNoYamsCode() throws {
        let url = try #require(MailzoneBinary.url, "build the binary first: swift build --product mailzone")
        let binary = try Data(contentsOf: url)
        #expect(binary.range(of: Data("4Yams".utf8)) == nil)
        #expect(binary.range(of: Data("yaml_parser_parse".utf8)) != nil)
    }

    /// The package declares libyaml as a system library found by pkg-config, with the Debian
    /// package that provides it.
    @Test func packageDeclaresTheSystemLibrary() throws {
        let manifest = try String(
            contentsOf: DeclarationFixtures.packageRoot.appendingPathComponent("Package.swift"),
            encoding: .utf8)
        let declaration = [
            ".systemLibrary(", "name: \"CLibYAML\",", "pkgConfig: \"yaml-0.1\",",
            "providers: [.apt([\"libyaml-dev\"])]",
        ]
        let lines = manifest.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(lines.firstIndex(of: declaration[0]))
        #expect(Array(lines[start..<min(start + 4, lines.count)]) == declaration)
    }

    /// Empty `Data` has no address; libyaml is still given one (its reader asserts on NULL), and
    /// an empty file is no document. A non-ASCII file goes through the full UTF-8 check.
    @Test func emptyAndNonASCIIFilesAreRead() throws {
        #expect(try YAMLSource.parse(data: Data(), file: "t.yaml") == nil)
        let node = try #require(try YAMLSource.parse(data: Data("name: caf\u{e9}\n".utf8), file: "t.yaml"))
        guard case .mapping(let pairs) = node.content else {
            Issue.record("not a mapping")
            return
        }
        #expect(pairs.first?.value.scalar?.text == "caf\u{e9}")
        #expect(throws: DeclarationError.self) {
            try YAMLSource.parse(data: Data([0x61, 0x3A, 0x20, 0xC3]), file: "t.yaml")
        }
    }
}
