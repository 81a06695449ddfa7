import Foundation
import TestSupport
import Testing

@testable import MailZone

/// Every input a fuzzer found a problem with (Fixtures/fuzz-regressions/declaration): loading
/// it returns a declaration or errors, without crashing, and exactly the outcome recorded in
/// `NAME.expected` beside it. An input that hung or ran slowly is recorded with the error of the
/// limit or refusal that now stops it where it is written, so a return of the slow path changes
/// the outcome, and the test fails instead of timing anything.
@Suite struct DeclarationFuzzRegressionTests {
    static let directory = DeclarationFixtures.testsDirectory.appendingPathComponent(
        "Fixtures/fuzz-regressions/declaration")

    static var inputs: [String] { FuzzRegressions.inputs(in: directory) }

    @Test func thereAreRegressions() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func regression(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        let catalog = try DeclarationFixtures.builtInCatalog()
        let outcome: String
        do {
            _ = try DeclarationLoader.load(
                data: data, file: URL(fileURLWithPath: "/fuzz/mailzone.yaml"), builtInPresets: catalog)
            outcome = "loaded\n"
        } catch {
            #expect(!error.errors.isEmpty)
            outcome = error.errors.map { $0.description + "\n" }.joined()
        }
        GoldenFile.assert(outcome, at: Self.directory.appendingPathComponent("\(name).expected"))
    }
}
