import Foundation
import Testing

@testable import MailZone

/// A large file read in two parts side by side (`YAMLSplitReading`) must give the tree the file
/// read whole gives: every node's shape, type, text, line and column, and the children in order.
/// Each file is cut at every place the cut can be made, and a file the parts cannot stand for is
/// read whole.
@Suite struct YAMLSplitReadingTests {
    /// Every node of the tree under `node`, one line each, in order: what a reader of the tree sees.
    private func dump(_ node: YAMLNode) -> [String] {
        let storage = node.document.storage
        var lines: [String] = []
        func walk(_ index: UInt32, depth: Int) {
            let entry = storage.entry(index)
            var line = "\(depth) \(entry.line):\(entry.column) \(entry.shape) "
            if entry.shape == .scalar {
                line +=
                    "\(storage.kind(of: index)) plain=\(entry.plain) \(storage.scalarText(of: index).debugDescription)"
            }
            lines.append(line)
            for child in storage.children(of: index) { walk(child, depth: depth + 1) }
        }
        walk(node.index, depth: 0)
        return lines
    }

    /// The file read whole, or nil when it is refused.
    private func whole(_ bytes: [UInt8]) -> [String]? {
        var builder = YAMLTreeBuilder(file: "t.yaml", limits: limits(bytes))
        let node = bytes.withUnsafeBufferPointer { try? builder.build($0) }
        return node.map(dump)
    }

    private func limits(_ bytes: [UInt8]) -> YAMLLimits {
        var limits = YAMLLimits.standard
        limits.maxNodes = limits.nodeCap(forBytes: bytes.count)
        return limits
    }

    /// The trees of the file cut at every place a cut can be made: one for each cut that was read in two parts.
    private func splits(_ bytes: [UInt8]) -> [(cut: Int, tree: [String])] {
        let input = YAMLInput.bytes(bytes)
        return input.withBytes { buffer in
            let text = 0..<buffer.count
            var seen: Set<Int> = []
            var trees: [(Int, [String])] = []
            for target in text where target == 0 || buffer[target - 1] == 0x0A {
                guard let cut = YAMLSplitReading.cut(in: buffer, text: text, near: target),
                    seen.insert(cut.offset).inserted
                else { continue }
                if let node = YAMLSplitReading.read(
                    buffer, text: text, file: "t.yaml", limits: limits(bytes), input: input, near: target)
                {
                    trees.append((cut.offset, dump(node)))
                }
            }
            return trees
        }
    }

    /// Every cut of `text` reads as the whole file; returns how many cuts were read in two parts.
    @discardableResult
    private func expectSame(_ text: String, _ name: String) -> Int {
        expectSame(bytes: Array(text.utf8), name)
    }

    @discardableResult
    private func expectSame(bytes: [UInt8], _ name: String) -> Int {
        let expected = whole(bytes)
        let trees = splits(bytes)
        for (cut, tree) in trees {
            #expect(expected != nil, "\(name): read in two parts but refused whole, cut at byte \(cut)")
            if let expected, tree != expected {
                let first = zip(tree, expected).first { $0 != $1 }
                Issue.record("\(name), cut at byte \(cut): \(first.map { "\($0) != \($1)" } ?? "not as many nodes")")
            }
        }
        return trees.count
    }

    /// The repository's YAML files (fixtures, examples, built-in presets).
    @Test func everyRepositoryFileReadsTheSameCutAnywhere() throws {
        var split = 0
        for url in YAMLDifferentialTests.files {
            // As bytes: some fixtures are not UTF-8 on purpose.
            if expectSame(bytes: Array(try Data(contentsOf: url)), url.lastPathComponent) > 0 { split += 1 }
        }
        // Most declarations end with their senders' list: the cut is made in them, not skipped.
        #expect(split >= 20)
    }

    /// Layouts around the cut that a second part could read otherwise than the whole file does.
    @Test func awkwardFilesReadTheSameOrWhole() {
        let senders = (0..<6).map { "  - domain: s\($0).example\n    services: [a]\n" }.joined()
        let cases = [
            "version: 1\nsenders:\n" + senders,
            "version: 1\nsenders:\n" + senders + "presets:\n  - name: p\n",
            "version: 1\nsenders:   # the senders\n\n  # first\n" + senders + "\n# end\n",
            "version: 1\r\nsenders:\r\n" + senders.replacingOccurrences(of: "\n", with: "\r\n"),
            "name: caf\u{e9}\nsenders:\n" + senders + "  - domain: \u{4e2d}.example\n" + senders,
            "version: 1\nsenders:\n  - &a {domain: x}\n" + senders + "  - *a\n",
            "version: 1\nsenders:\n" + senders + "  - &b {domain: x}\n  - *b\n" + senders,
            "base: &m {x: 1}\n<<: *m\nsenders:\n" + senders,
            "%YAML 1.2\n---\nsenders:\n" + senders,
            "senders:\n" + senders + "...\n" + senders,
            "senders:\n" + senders + "---\nsenders:\n" + senders,
            "senders: [a,\n" + senders + "]\n",
            "senders:\n  - \"a\n" + senders + "  b\"\n" + senders,
            "senders:\n  - |+\n    keep\n\n" + senders + "  - >\n    folded\n    text\n\n\n" + senders,
            "senders:\n  - one\n    two\n" + senders + "  - three\n   four\n" + senders,
            "senders:\n- a\n- b\n- c\n- d\n",
            "senders:\n  - - a\n    - b\n  - - c\n" + senders,
            "senders:\n  -\n    domain: x\n" + senders + "  -\n" + senders,
            "senders:\n" + senders + "senders:\n" + senders,
            "x:\n  - a\n" + senders + "zzz: 1\n" + senders,
            "senders:\n" + senders + "  - {a: 1,\nb: 2}\n" + senders,
            "senders:\n" + senders + "\tbad\n" + senders,
            "!!map\nsenders:\n" + senders,
            "senders:\n" + senders + "  - !custom x\n  - !!str 1\n" + senders,
            "senders:\n" + senders + "  - key: 1\n    key: 2\n" + senders,
        ]
        var split = 0
        for text in cases where expectSame(text, text.debugDescription) > 0 { split += 1 }
        #expect(split >= 10)
    }

    /// A file over the size where `YAMLSource` cuts it reads as the same tree, with the same
    /// positions, as when read whole; the cut is made.
    @Test func aLargeDeclarationIsCutAndReadsTheSame() throws {
        var text = "version: 1\nzones:\n  - origin: example.net.\n    file: zones/db.example.net\nsenders:\n"
        var index = 0
        while text.utf8.count < YAMLSplitReading.minimumBytes + 4096 {
            text += "  - domain: h\(index).example.net\n    services:\n      - preset: tencent-ses\n"
            text += "        dkim: { qcloud: \"v=DKIM1; k=rsa; p=\(String(repeating: "A", count: 300))\" }\n"
            index += 1
        }
        let bytes = Array(text.utf8)
        let input = YAMLInput.bytes(bytes)
        let split = input.withBytes { buffer in
            YAMLSplitReading.read(buffer, text: 0..<buffer.count, file: "t.yaml", limits: limits(bytes), input: input)
        }
        let node = try #require(split)
        #expect(dump(node) == whole(bytes))
        let parsed = try #require(try YAMLSource.parse(bytes: bytes, file: "t.yaml"))
        #expect(dump(parsed) == whole(bytes))
    }
}
