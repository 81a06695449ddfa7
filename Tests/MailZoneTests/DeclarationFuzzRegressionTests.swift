import Foundation
import Testing

@testable import MailZone

/// Every input a fuzzer found a problem with (Fixtures/fuzz-regressions/declaration): loading
/// it returns a declaration or errors, without crashing, in well under libFuzzer's 10 s timeout.
@Suite struct DeclarationFuzzRegressionTests {
    static let directory = DeclarationFixtures.testsDirectory.appendingPathComponent(
        "Fixtures/fuzz-regressions/declaration")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    @Test func thereAreRegressions() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func regression(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        let catalog = try DeclarationFixtures.builtInCatalog()
        let start = Date()
        do {
            _ = try DeclarationLoader.load(
                data: data, file: URL(fileURLWithPath: "/fuzz/mailzone.yaml"), builtInPresets: catalog)
        } catch {
            #expect(!error.errors.isEmpty)
            for item in error.errors { _ = item.description }
        }
        #expect(Date().timeIntervalSince(start) < 2)
    }
}
