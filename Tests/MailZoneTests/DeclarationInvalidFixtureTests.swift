import Foundation
import TestSupport
import Testing

@testable import MailZone

/// Each broken declaration in `Fixtures/declarations/invalid` is refused with exactly the
/// errors of its `.expected` golden file: all of them, in source order, with file:line:column.
/// Re-record with `MAILZONE_RECORD=1 swift test --filter DeclarationInvalidFixtureTests`.
@Suite struct DeclarationInvalidFixtureTests {
    @Test(arguments: DeclarationFixtures.yamlFiles(in: "invalid"))
    func reportsEveryError(_ name: String) throws {
        let output = try DeclarationFixtures.errorOutput("invalid", name)
        #expect(!output.isEmpty, "\(name) was accepted")
        let golden = DeclarationFixtures.url("invalid", String(name.dropLast(".yaml".count)) + ".expected")
        GoldenFile.assert(output, at: golden)
    }

    @Test func everyGoldenFileHasItsDeclaration() {
        let directory = DeclarationFixtures.root.appendingPathComponent("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let yaml = Set(names.filter { $0.hasSuffix(".yaml") }.map { $0.dropLast(".yaml".count) })
        let orphans = names.filter { $0.hasSuffix(".expected") && !yaml.contains($0.dropLast(".expected".count)) }
        #expect(orphans.isEmpty)
    }

    /// Broken preset files, loaded as built-in presets would be.
    @Test(arguments: DeclarationFixtures.yamlFiles(in: "invalid-presets"))
    func reportsEveryPresetError(_ name: String) throws {
        let text = try String(contentsOf: DeclarationFixtures.url("invalid-presets", name), encoding: .utf8)
        var output = ""
        do {
            _ = try PresetCatalog.builtIn(files: [(String(name.dropLast(".yaml".count)), text)])
        } catch {
            output = error.description
        }
        #expect(!output.isEmpty, "\(name) was accepted")
        let golden = DeclarationFixtures.url("invalid-presets", String(name.dropLast(".yaml".count)) + ".expected")
        GoldenFile.assert(output, at: golden)
    }
}
