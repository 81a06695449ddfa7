import Foundation
import TestSupport
import Testing

@testable import MailZone

/// A damaged template is an error, never a crash or a hang: the example templates with bytes
/// changed, removed and repeated at random (a fixed seed, so a failure replays), each read as
/// mailzone reads a template.
@Suite struct DomainConnectMutationTests {
    static let templates = ["sendwave.example.sending", "postbox.example.mail", "verifyco.example.ownership"]

    @Test(arguments: templates)
    func damagedTemplatesAreErrorsAtALineOfTheFile(_ name: String) throws {
        let url = DeclarationFixtures.packageRoot.appendingPathComponent(
            "examples/domain-connect/templates/\(name).json")
        let original = Array(try Data(contentsOf: url))
        let lines = original.filter { $0 == UInt8(ascii: "\n") }.count + 1
        var generator = SplitMix64(seed: 0x6D61_696C_7A6F_6E65)
        let alphabet = Array("{}[]\":,%@. \n\\u0-9aeTXMSPFtrue".utf8) + [0x00, 0xC3, 0xFF]
        var accepted = 0
        for _ in 0..<600 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = alphabet.randomElement(using: &generator) ?? 0
                case 1: bytes.remove(at: index)
                default: bytes.insert(contentsOf: bytes[index..<min(bytes.count, index + 8)], at: index)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            var diagnostics = Diagnostics()
            let template = DomainConnectLibrary.read(bytes, displayPath: "t.json", diagnostics: &diagnostics)
            if template != nil {
                accepted += 1
                #expect(diagnostics.isEmpty)
                continue
            }
            #expect(!diagnostics.isEmpty, "a refused template without an error")
            for error in diagnostics.errors {
                // Insertions may add lines; every error is inside the damaged file.
                #expect(error.line >= 1 && error.line <= lines + 40 && error.column >= 1, "\(error)")
                #expect(!error.message.isEmpty)
            }
        }
        // Some damage leaves a valid template (a changed letter in a description): both paths are taken.
        #expect(accepted < 600)
    }
}
