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
