import Foundation
import TestSupport
import Testing
import Yams

@testable import MailZone

/// mailzone reads YAML from libyaml's events itself; Yams, on the same libyaml, is the
/// reference. On every YAML file of the repository, and on thousands of mutations of them,
/// both must agree: the same verdict (parsed or not), and for a parsed file the same tree —
/// scalars with their text and type, lists, mappings with merge keys applied.
///
/// Types are compared under the YAML 1.2 core schema, which mailzone reads: Yams is given
/// `YAMLCoreSchemaResolver` instead of its default YAML 1.1 resolver (with which `yes` would be
/// a boolean and `2026-11-30` a date on Yams' side only), so a difference in any scalar's type
/// is a real disagreement.
@Suite struct YAMLDifferentialTests {
    /// Every `.yaml` file under the tests' fixtures, the examples and the built-in presets.
    static let files: [URL] = {
        let root = DeclarationFixtures.packageRoot
        var found: [URL] = []
        for top in ["Tests/MailZoneTests/Fixtures", "examples", "Sources/MailAuth/Presets"] {
            let directory = root.appendingPathComponent(top)
            guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let url as URL in walker where url.pathExtension == "yaml" {
                found.append(url)
            }
        }
        return found.sorted { $0.path < $1.path }
    }()

    /// Ours: the tree's shape, or nil when the text is refused.
    private func ours(_ text: String) -> String? {
        let node: YAMLNode?
        do {
            node = try YAMLSource.parse(data: Data(text.utf8), file: "t.yaml")
        } catch {
            return nil
        }
        return node.map(shape) ?? "(empty)"
    }

    /// Yams' (core schema): the same shape, merge keys applied by the same YAML 1.1 rule; nil
    /// when refused.
    /// Inputs mailzone refuses by its own rules (a collection or an alias of one as a key,
    /// more than one document) are not asked of Yams.
    private func yams(_ text: String) -> String? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, YAMLCoreSchemaResolver.resolver)
        } catch {
            return nil
        }
        return node.map(shape) ?? "(empty)"
    }

    private func shape(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar): return "\(scalar.text.debugDescription):\(scalar.kind)"
        case .sequence(let items): return "[" + items.map(shape).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { shape($0.key) + ": " + shape($0.value) }.joined(separator: ", ") + "}"
        }
    }

    private func shape(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            return "\(scalar.string.debugDescription):\(kind(node.tag.description))"
        case .sequence(let sequence):
            return "[" + sequence.map(shape).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            var explicit: [(Node, Node)] = []
            var merged: [(Node, Node)] = []
            for (key, value) in mapping {
                if key.tag.description == Tag.Name.merge.rawValue {
                    switch value {
                    case .mapping(let inner): merged += inner.map { ($0.key, $0.value) }
                    case .sequence(let items):
                        for case .mapping(let inner) in items { merged += inner.map { ($0.key, $0.value) } }
                    default: break
                    }
                } else {
                    explicit.append((key, value))
                }
            }
            var seen = Set(explicit.compactMap(\.0.scalar?.string))
            for pair in merged where seen.insert(pair.0.scalar?.string ?? "").inserted {
                explicit.append(pair)
            }
            return "{" + explicit.map { shape($0.0) + ": " + shape($0.1) }.joined(separator: ", ") + "}"
        case .alias:
            return "(alias)"
        }
    }

    private func kind(_ tag: String) -> YAMLScalar.Kind {
        switch tag {
        case Tag.Name.str.rawValue, "tag:yaml.org,2002:value": return .string
        case Tag.Name.int.rawValue: return .integer
        case Tag.Name.float.rawValue: return .float
        case Tag.Name.bool.rawValue: return .boolean
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.timestamp.rawValue: return .timestamp
        case Tag.Name.merge.rawValue: return .merge
        default: return .other(tag)
        }
    }

    /// Where both accept the text they build the same tree; where Yams refuses it, so do we.
    private func compare(_ text: String, _ name: String) -> String? {
        let mine = ours(text)
        guard let mine else {
            return nil  // refused by mailzone; what Yams makes of it does not matter
        }
        guard let theirs = yams(text) else { return "\(name): accepted by mailzone, refused by Yams" }
        return mine == theirs
            ? nil : "\(name): trees differ\n  mailzone: \(mine.prefix(300))\n  Yams:     \(theirs.prefix(300))"
    }

    @Test func agreeOnEveryYAMLFile() throws {
        #expect(Self.files.count > 60)
        var accepted = 0
        for url in Self.files {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            if let problem = compare(text, url.lastPathComponent) { Issue.record(Comment(rawValue: problem)) }
            if ours(text) != nil { accepted += 1 }
        }
        #expect(accepted > 50)
    }

    /// Mutations with a fixed seed: delete, duplicate or insert YAML's special characters at
    /// random places, so indentation, quoting, anchors, tags and flow collections break in
    /// many ways.
    @Test func agreeOnMutations() throws {
        var random = SplitMix64(seed: 0x6D61_696C_7A6F_6E65)
        let pieces = [
            ":", "- ", "&a ", "*a", "<<: ", "[", "]", "{", "}", ",", "\"", "'", "!!str ", "!x ", "? ", "\n  ",
            "\n", " ", "#", "|", ">", "~", "yes", "0x1F", "1:30", ".inf", "2026-11-30", "---\n", "%YAML 1.1\n",
        ]
        var mutations = 0
        for url in Self.files {
            let original = Array(try Data(contentsOf: url))
            guard original.count < 4_000 else { continue }
            for _ in 0..<30 {
                var bytes = original
                for _ in 0..<(1 + Int(random.next() % 3)) {
                    let at = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
                    switch random.next() % 3 {
                    case 0 where !bytes.isEmpty: bytes.remove(at: at)
                    case 1 where !bytes.isEmpty: bytes.insert(bytes[at], at: at)
                    default:
                        bytes.insert(contentsOf: Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8), at: at)
                    }
                }
                let text = String(decoding: bytes, as: UTF8.self)
                mutations += 1
                if let problem = compare(text, "\(url.lastPathComponent) mutation \(mutations)") {
                    Issue.record(Comment(rawValue: problem + "\n  input: \(text.debugDescription.prefix(400))"))
                }
            }
        }
        #expect(mutations > 1_500)
    }
}
