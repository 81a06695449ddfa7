import Foundation
import Testing
@testable import MailZone

/// Hostile YAML is refused with a positioned error instead of exhausting memory or the stack.
@Suite struct DeclarationYAMLLimitsTests {
    private func parse(_ yaml: String, limits: YAMLLimits = .standard) -> Result<YAMLNode?, DeclarationError> {
        Result { () throws(DeclarationError) in try YAMLSource.parse(data: Data(yaml.utf8), file: "t.yaml", limits: limits) }
    }

    /// Nine levels of ten aliases stand for 10⁹ values; the walk stops at the cap.
    @Test func billionLaughsStopsAtTheNodeCap() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let start = Date()
        guard case .failure(let error) = parse(lines.joined(separator: "\n")) else {
            Issue.record("billion laughs was accepted")
            return
        }
        #expect(error.message.hasPrefix("the YAML expands to more than 100000 values"))
        #expect(Date().timeIntervalSince(start) < 10)
    }

    /// Yams hashes mapping keys to find duplicates; an alias key would be hashed through its
    /// whole expansion (10⁸ values here: minutes). Found by Fuzz/run declaration.
    @Test func aliasOfACollectionAsAKeyIsRefusedBeforeExpanding() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...8 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let start = Date()
        for (key, column) in [("k: {*a8 : 1}", 5), ("? *a8\n: 1", 3), ("k: [*a8 x: 1]", 5)] {
            guard case .failure(let error) = parse((lines + [key]).joined(separator: "\n")) else {
                Issue.record("accepted: \(key)")
                continue
            }
            #expect(error.description == "t.yaml:10:\(column): error: the key *a8 is an alias of a list or mapping; keys must be plain text\n"
                + "    fix: write the key out")
        }
        #expect(Date().timeIntervalSince(start) < 5)
        guard case .failure(let error) = parse("? [a, b]\n: 1\n") else {
            Issue.record("a list as a key was accepted")
            return
        }
        #expect(error.description.hasPrefix("t.yaml:1:3: error: a key here is a list or mapping; keys must be plain text"))
        // An alias of a scalar is a harmless key.
        #expect((try? parse("a: &k key\n*k : 1\n").get()) != nil)
    }

    @Test func aliasesCountEachTimeTheyAreUsed() {
        let yaml = "a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n"  // root 1, a 1 + 5, b 1 + 1 + 3 × 5 = 24 nodes
        #expect((try? parse(yaml, limits: YAMLLimits(maxNodes: 24)).get()) != nil)
        guard case .failure(let error) = parse(yaml, limits: YAMLLimits(maxNodes: 23)) else {
            Issue.record("the cap was not applied")
            return
        }
        // Yams keeps no position for an alias's use: the error points into the anchor's content.
        #expect(error.location == YAMLLocation(file: "t.yaml", line: 1, column: 17))
    }

    @Test func depthIsBounded() {
        let nested = { (depth: Int) in String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        #expect((try? parse(nested(64)).get()) != nil)
        guard case .failure(let error) = parse(nested(65)) else {
            Issue.record("65 levels were accepted")
            return
        }
        #expect(error.description == "t.yaml:1:65: error: the YAML nests lists and mappings more than 64 levels deep\n"
            + "    fix: a declaration needs only a few levels; flatten the structure")
    }

    /// libyaml's own nesting limit (1000) is reported as a syntax error, not a crash.
    @Test func veryDeepNestingIsASyntaxError() {
        guard case .failure(let error) = parse(String(repeating: "[", count: 5000)) else {
            Issue.record("accepted")
            return
        }
        #expect(error.message.hasPrefix("invalid YAML"))
    }

    @Test func sizeIsBounded() {
        guard case .failure(let error) = parse("a: b\n", limits: YAMLLimits(maxBytes: 4)) else {
            Issue.record("accepted")
            return
        }
        #expect(error.message == "t.yaml is 5 bytes long; mailzone reads at most 4")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("a: b\n".utf8)
        let node = try YAMLSource.parse(data: data, file: "t.yaml")
        #expect(node?.location == YAMLLocation(file: "t.yaml", line: 1, column: 1))
    }

    @Test func missingFileIsAnError() {
        do {
            _ = try YAMLSource.load(contentsOf: URL(fileURLWithPath: "/nonexistent/mailzone.yaml"), displayPath: "mailzone.yaml")
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix("mailzone.yaml:1:1: error: cannot read mailzone.yaml"))
        }
    }
}
