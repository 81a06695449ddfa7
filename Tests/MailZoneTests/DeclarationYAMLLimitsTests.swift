import Foundation
import Testing

@testable import MailZone

/// Hostile YAML is refused with a positioned error instead of exhausting memory or the stack.
@Suite struct DeclarationYAMLLimitsTests {
    private func parse(_ yaml: String, limits: YAMLLimits = .standard) -> Result<YAMLNode?, DeclarationError> {
        Result { () throws(DeclarationError) in
            try YAMLSource.parse(data: Data(yaml.utf8), file: "t.yaml", limits: limits)
        }
    }

    /// Builds `yaml` with a builder the test keeps, to read how much work it did.
    private func build(_ yaml: String, into builder: inout YAMLTreeBuilder) -> Result<YAMLNode?, DeclarationError> {
        Array(yaml.utf8).withUnsafeBufferPointer { buffer in
            Result { () throws(DeclarationError) in try builder.build(buffer) }
        }
    }

    /// Nine levels of ten aliases stand for 10⁹ values; the walk stops at the cap, and nothing
    /// is expanded on the way: the builder stores no more entries than the file writes nodes.
    @Test func billionLaughsStopsAtTheNodeCap() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        var builder = YAMLTreeBuilder(file: "t.yaml", limits: .standard)
        guard case .failure(let error) = build(lines.joined(separator: "\n"), into: &builder) else {
            Issue.record("billion laughs was accepted")
            return
        }
        #expect(error.message.hasPrefix("the YAML expands to more than 100000 values"))
        // Written: the root mapping, and per line a key, a list and ten items (aliases included).
        let written = 1 + lines.count * 12
        #expect(builder.entriesBuilt <= written, "\(builder.entriesBuilt) entries for \(written) nodes written")
    }

    /// Hashing a mapping key to find duplicates walks an alias key's whole expansion (with
    /// Yams' node graph, 10⁸ values took minutes: found by Fuzz/run declaration). A key must be
    /// plain text; an alias of a collection is refused where it is written, before expanding.
    @Test func aliasOfACollectionAsAKeyIsRefusedBeforeExpanding() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...3 {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        // The nodes the anchors count without the key: the refusal must add none of *a3's 11,111.
        var anchorsOnly = YAMLTreeBuilder(file: "t.yaml", limits: .standard)
        #expect((try? build(lines.joined(separator: "\n"), into: &anchorsOnly).get()) != nil)
        for (key, column) in [("k: {*a3 : 1}", 5), ("? *a3\n: 1", 3), ("k: [*a3 x: 1]", 5)] {
            var builder = YAMLTreeBuilder(file: "t.yaml", limits: .standard)
            guard case .failure(let error) = build((lines + [key]).joined(separator: "\n"), into: &builder) else {
                Issue.record("accepted: \(key)")
                continue
            }
            #expect(
                error.description
                    == "t.yaml:5:\(column): error: the key *a3 is an alias of a list or mapping; keys must be plain text\n"
                    + "    fix: write the key out")
            // At most the key `k`, the collection that holds the alias and the alias as one node.
            #expect(builder.visited <= anchorsOnly.visited + 3, "\(key): \(builder.visited) nodes")
        }
        guard case .failure(let error) = parse("? [a, b]\n: 1\n") else {
            Issue.record("a list as a key was accepted")
            return
        }
        #expect(
            error.description.hasPrefix("t.yaml:1:3: error: a key here is a list or mapping; keys must be plain text"))
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
        // The error points at the alias whose use crosses the cap: the third *a.
        #expect(error.location == YAMLLocation(file: "t.yaml", line: 2, column: 13))
    }

    @Test func depthIsBounded() {
        let nested = { (depth: Int) in String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        #expect((try? parse(nested(64)).get()) != nil)
        guard case .failure(let error) = parse(nested(65)) else {
            Issue.record("65 levels were accepted")
            return
        }
        #expect(
            error.description == "t.yaml:1:65: error: the YAML nests lists and mappings more than 64 levels deep\n"
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
            _ = try YAMLSource.load(
                contentsOf: URL(fileURLWithPath: "/nonexistent/mailzone.yaml"), displayPath: "mailzone.yaml")
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix("mailzone.yaml:1:1: error: cannot read mailzone.yaml"))
        }
    }
}

/// The tree built from libyaml's events: types, keys, aliases and merge keys as YAML defines them.
@Suite struct YAMLTreeBuilderTests {
    private func parse(_ yaml: String, limits: YAMLLimits = .standard) -> Result<YAMLNode?, DeclarationError> {
        Result { () throws(DeclarationError) in
            try YAMLSource.parse(data: Data(yaml.utf8), file: "t.yaml", limits: limits)
        }
    }

    private func failure(_ yaml: String, limits: YAMLLimits = .standard) -> String? {
        guard case .failure(let error) = parse(yaml, limits: limits) else { return nil }
        return error.description
    }

    /// The tree's shape as text: scalars with their kind and position, collections in order.
    private func shape(_ node: YAMLNode) -> String {
        let at = "@\(node.location.line):\(node.location.column)"
        switch node.content {
        case .scalar(let scalar): return "\(scalar.text)(\(scalar.kind))\(at)"
        case .sequence(let items): return "[" + items.map(shape).joined(separator: ", ") + "]\(at)"
        case .mapping(let pairs):
            return "{" + pairs.map { shape($0.key) + ": " + shape($0.value) }.joined(separator: ", ") + "}\(at)"
        }
    }

    /// Plain scalars are typed by the YAML 1.2 core schema: `yes` and `2026-11-30` are text
    /// (YAML 1.1 made them a boolean and a date), `true` a boolean, `0o17` an integer.
    @Test func buildsTypedPositionedNodes() throws {
        let yaml = "a: 1\nb: [yes, '2', ~, true, 0o17]\nc: {d: 2026-11-30}\n"
        let node = try #require(try parse(yaml).get())
        #expect(
            shape(node) == "{a(a string)@1:1: 1(an integer)@1:4, b(a string)@2:1: "
                + "[yes(a string)@2:5, 2(a string)@2:10, ~(nothing (null))@2:15, true(a boolean)@2:18, "
                + "0o17(an integer)@2:24]@2:4, c(a string)@3:1: {d(a string)@3:5: 2026-11-30(a string)@3:8}@3:4}@1:1")
    }

    @Test func emptyStreamIsNoDocument() throws {
        #expect(try parse("# only a comment\n").get() == nil)
        let empty = try #require(try parse("---\n").get())
        #expect(empty.isNull)
    }

    @Test func aliasesCopyTheirAnchorAndMergeKeysApplyYAML11Rules() throws {
        let yaml = """
            base: &base {a: 1, b: 2}
            more: &more {b: 3, c: 4}
            x:
              <<: [*base, *more]
              a: 9
            y: *base

            """
        let node = try #require(try parse(yaml).get())
        guard case .mapping(let pairs) = node.content else {
            Issue.record("not a mapping")
            return
        }
        // Written keys win over merged ones; earlier merged mappings win over later ones.
        #expect(
            shape(pairs[2].value) == "{a(a string)@5:3: 9(an integer)@5:6, b(a string)@1:20: 2(an integer)@1:23, "
                + "c(a string)@2:20: 4(an integer)@2:23}@4:3")
        #expect(shape(pairs[3].value) == shape(pairs[0].value))
    }

    @Test func repeatedKeysAreRefusedAtTheirSecondOccurrence() {
        #expect(
            failure("a: {x: 1, y: 2, x: 3}\n") == "t.yaml:1:17: error: duplicate key 'x' in a mapping\n"
                + "    fix: 'x' is already given at line 1; keep one of them")
        // Keys are compared with their type: the integer 1 and the string "1" are two keys.
        #expect((try? parse("1: a\n'1': b\n").get()) != nil)
        #expect(
            failure("<<: {a: 1}\nb: 2\n<<: {c: 3}\n")?.hasPrefix("t.yaml:3:1: error: duplicate key '<<' in a mapping")
                == true)
        // A large mapping looks keys up instead of scanning them.
        let many = (0..<40).map { "k\($0): \($0)" } + ["k7: again"]
        #expect(
            failure(many.joined(separator: "\n")) == "t.yaml:41:1: error: duplicate key 'k7' in a mapping\n"
                + "    fix: 'k7' is already given at line 8; keep one of them")
    }

    @Test func aliasesCountTheirDepth() {
        // The anchor is 4 levels high (three lists and x): written under the root mapping it
        // reaches depth 5; used inside a list it reaches 6.
        let yaml = "a: &a [[[x]]]\nb: [*a]\n"
        #expect((try? parse(yaml, limits: YAMLLimits(maxDepth: 6)).get()) != nil)
        #expect(
            failure(yaml, limits: YAMLLimits(maxDepth: 5))
                == "t.yaml:2:5: error: the YAML nests lists and mappings more than 5 levels deep\n"
                + "    fix: a declaration needs only a few levels; flatten the structure")
    }

    @Test func aMergeKeyNeedsMappings() {
        #expect(
            failure("a: {<<: 1}\n")
                == "t.yaml:1:9: error: a merge key (<<) takes a mapping or a list of mappings, found an integer")
        #expect(
            failure("a: {<<: [{b: 1}, x]}\n")
                == "t.yaml:1:18: error: a merge key (<<) takes a mapping or a list of mappings, found a string")
    }
}
