import Foundation
import Testing

@testable import MailZone

/// The document keeps the file's bytes and reads a scalar's text from them when it is written
/// there as is, so a large declaration is not held twice; values that are not (escapes,
/// folded or block text, a file with non-ASCII text where libyaml's character positions are
/// not byte offsets) are copied, and every value reads back the same either way.
@Suite struct YAMLDocumentStorageTests {
    private func document(_ yaml: String, asData: Bool = false) throws -> (YAMLNode, [String: String]) {
        let node = try #require(
            asData
                ? try YAMLSource.parse(data: Data(yaml.utf8), file: "t.yaml")
                : try YAMLSource.parse(bytes: Array(yaml.utf8), file: "t.yaml"))
        guard case .mapping(let pairs) = node.content else {
            Issue.record("not a mapping")
            return (node, [:])
        }
        var values: [String: String] = [:]
        for pair in pairs { values[pair.key.scalar?.text ?? "?"] = pair.value.scalar?.text ?? "?" }
        return (node, values)
    }

    /// The text copied beside the file's bytes.
    private func copied(_ node: YAMLNode) -> String {
        String(decoding: node.document.storage.text, as: UTF8.self)
    }

    @Test func plainAndQuotedTextIsReadFromTheFile() throws {
        for asData in [false, true] {
            let (node, values) = try document(
                "plain: v=spf1 -all\n\"double\": \"a b\"\n'single': 'c d'\nempty: ''\nnull:\n", asData: asData)
            #expect(
                values == ["plain": "v=spf1 -all", "double": "a b", "single": "c d", "empty": "", "null": ""])
            #expect(copied(node) == "")
        }
    }

    @Test func escapedFoldedAndBlockTextIsCopied() throws {
        let (node, values) = try document(
            "escape: \"a\\tb\"\nquote: 'it''s'\nfolded: one\n  two\nblock: |\n  line\nlast: x\n")
        #expect(values == ["escape": "a\tb", "quote": "it's", "folded": "one two", "block": "line\n", "last": "x"])
        #expect(copied(node) == "a\tbit'sone twoline\n")
    }

    /// After a non-ASCII character libyaml's positions (in characters) trail the bytes; a value
    /// not found where the position points is copied, and still read right.
    @Test func nonASCIITextAndAByteOrderMarkReadTheSame() throws {
        let (_, values) = try document("name: caf\u{e9}\nnext: \u{4e2d}\u{6587}\nlast: \"x\"\n")
        #expect(values == ["name": "caf\u{e9}", "next": "\u{4e2d}\u{6587}", "last": "x"])
        let (bom, marked) = try document("\u{feff}a: b\nc: \"d\"\n")
        #expect(marked == ["a": "b", "c": "d"])
        #expect(copied(bom) == "")
    }

    /// Keys are compared as bytes, wherever their text is kept: a key written plain and again
    /// quoted, or with an escape that spells the same text, is the same key.
    @Test func repeatedKeysAreFoundWhereverTheirTextIsKept() throws {
        for yaml in ["a: 1\n\"a\": 2\n", "ab: 1\n\"a\\x62\": 2\n", "k: 1\nl: 2\n'k': 3\n"] {
            #expect(throws: DeclarationError.self, "\(yaml)") {
                try YAMLSource.parse(bytes: Array(yaml.utf8), file: "t.yaml")
            }
        }
        var many = (0..<40).map { "key\($0): \($0)" }
        many.append("\"key\\x33\": again")
        #expect(throws: DeclarationError.self) {
            try YAMLSource.parse(bytes: Array(many.joined(separator: "\n").utf8), file: "t.yaml")
        }
    }
}
