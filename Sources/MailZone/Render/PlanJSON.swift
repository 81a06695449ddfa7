import Foundation

/// The plan as a JSON document (`schemas/plan.schema.json`): what `plan --format json`
/// prints, `plan --out` saves and `apply --plan` reads back.
///
/// Keys are sorted and output is pretty-printed so that the same plan gives the same
/// bytes on every machine and diffs of saved plans stay readable; slashes are not
/// escaped because the document is full of file paths. The counts of
/// `Plan.summary` are added under `summary` for consumers; decoding ignores them.
public enum PlanJSON {
    /// The plan, encoded, ending with a newline.
    public static func encode(_ plan: Plan) throws -> String {
        try encode(PlanDocument(plan: plan))
    }

    /// One zone's object, as the plan document writes it in its `zones`.
    static func encode(_ zone: ZonePlan) throws -> String {
        try encode(PlanShape.Zone(zone))
    }

    /// Any encodable document with mailzone's JSON conventions, ending with a newline.
    public static func encode<Document: Encodable>(_ document: Document) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// Reads a saved plan; refuses a document of another version, whose meaning this mailzone does not know.
    public static func decode(_ data: Data) throws -> Plan {
        struct Header: Decodable { var version: Int? }
        let header = try JSONDecoder().decode(Header.self, from: data)
        guard header.version == Plan.formatVersion else {
            throw PlanJSONError.unsupportedVersion(header.version)
        }
        let document: PlanShape.Document
        do {
            document = try JSONDecoder().decode(PlanShape.Document.self, from: data)
        } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
            throw PlanJSONError.invalid(at: PlanJSONError.path(context.codingPath), reason: context.debugDescription)
        }
        return try document.plan()
    }
}

/// Why a saved plan cannot be read.
public enum PlanJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    case unsupportedVersion(Int?)
    /// A value the plan's format cannot hold (an edit range that is not a range), at a JSON path.
    case invalid(at: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let path, let reason):
            "the plan's \(path) is invalid: \(reason); make the plan again with `mailzone plan --out FILE`"
        case .unsupportedVersion(let version?):
            "the plan is version \(version), but this mailzone reads version \(Plan.formatVersion); make the plan again with this mailzone"
        case .unsupportedVersion(nil):
            "the file is not a mailzone plan (it has no 'version')"
        }
    }

    /// `zones[0].files[1].edits[2].end` for a decoder's coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("") { text, key in
            if let index = key.intValue { return text + "[\(index)]" }
            return text.isEmpty ? key.stringValue : text + "." + key.stringValue
        }
    }
}

/// A plan with its summary counts beside its own fields, in one JSON object.
struct PlanDocument: Encodable {
    var plan: Plan
    /// The plan's counts; of `plan` itself unless its zones are given apart (`PlanJSONAssembler`).
    var summary: PlanSummary

    init(plan: Plan, summary: PlanSummary? = nil) {
        self.plan = plan
        self.summary = summary ?? plan.summary
    }

    private enum CodingKeys: String, CodingKey { case summary }

    func encode(to encoder: any Encoder) throws {
        try PlanShape.Document(plan).encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary, forKey: .summary)
    }
}

/// The plan document (and `check`'s) put together zone by zone, the same bytes as encoding the
/// whole plan at once: each zone is encoded when it is planned and kept only as its JSON text,
/// and the document around the zones is encoded at the end, when the summary is known (its
/// sorted keys put `summary` before `zones`). Encoding a whole plan builds the encoder's tree of
/// every zone and copies the text twice more: 277 MiB for 10,000 zones, against the text alone.
public struct PlanJSONAssembler {
    private let declaration: String
    private let errors: [PlanFinding]
    private let target: PlanTarget?
    /// Each zone's object, encoded alone (indented as a document of its own).
    private var zones: [String] = []
    public private(set) var tally: PlanTally

    /// An empty plan of `declaration` with the findings outside any zone.
    public init(declaration: String, errors: [PlanFinding], target: PlanTarget? = nil) {
        self.declaration = declaration
        self.errors = errors
        self.target = target
        self.tally = PlanTally(errors: errors)
    }

    public mutating func add(_ zone: ZonePlan) throws {
        tally.add(zone)
        var text = try PlanJSON.encode(zone as ZonePlan)
        text.removeLast()  // the newline that ends a document
        zones.append(text)
    }

    /// The plan document (`plan --format json`), in pieces to `write`.
    public func writePlan(_ write: (String) -> Void) throws {
        let skeleton = Plan(declaration: declaration, zones: [], errors: errors, target: target)
        try splice(into: PlanJSON.encode(PlanDocument(plan: skeleton, summary: tally.summary)), write)
    }

    /// The check document (`check --format json`), in pieces to `write`.
    public func writeCheck(_ write: (String) -> Void) throws {
        let skeleton = Plan(declaration: declaration, zones: [], errors: errors, target: target)
        try splice(into: PlanJSON.encode(CheckReport(plan: skeleton, tally: tally)), write)
    }

    /// Writes `skeleton` with the zones in its empty `"zones"` array, each line indented to the array's depth.
    private func splice(into skeleton: String, _ write: (String) -> Void) {
        // The last `"zones"` key is the plan's (sorted keys put it after `target`, whose own `zones` comes first).
        guard !zones.isEmpty, let key = skeleton.range(of: "\"zones\" : [", options: .backwards) else {
            write(skeleton)
            return
        }
        let lineStart =
            skeleton[..<key.lowerBound].lastIndex(of: "\n").map { skeleton.index(after: $0) } ?? skeleton.startIndex
        let indent = String(skeleton[lineStart..<key.lowerBound])
        let empty = "\n\n" + indent + "]"
        guard skeleton[key.upperBound...].hasPrefix(empty) else {
            write(skeleton)
            return
        }
        write(String(skeleton[..<key.upperBound]) + "\n")
        for (offset, zone) in zones.enumerated() {
            var text = ""
            for line in zone.split(separator: "\n", omittingEmptySubsequences: false) {
                if !text.isEmpty { text += "\n" }
                if !line.isEmpty { text += indent + "  " + line }
            }
            write(text + (offset == zones.count - 1 ? "\n" : ",\n"))
        }
        // The skeleton from the array's closing bracket on.
        write(indent + String(skeleton[skeleton.index(key.upperBound, offsetBy: empty.count - 1)...]))
    }
}
