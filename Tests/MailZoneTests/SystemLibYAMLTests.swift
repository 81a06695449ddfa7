import Foundation
import Testing

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
        let manifest = try String(contentsOf: DeclarationFixtures.packageRoot.appendingPathComponent("Package.swift"),
                                  encoding: .utf8)
        let declaration = [
            ".systemLibrary(", "name: \"CLibYAML\",", "pkgConfig: \"yaml-0.1\",", "providers: [.apt([\"libyaml-dev\"])]",
        ]
        let lines = manifest.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(lines.firstIndex(of: declaration[0]))
        #expect(Array(lines[start..<min(start + 4, lines.count)]) == declaration)
    }
}
