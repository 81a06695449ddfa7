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
        return try JSONDecoder().decode(Plan.self, from: data)
    }
}

/// Why a saved plan cannot be read.
public enum PlanJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    case unsupportedVersion(Int?)

    public var description: String {
        switch self {
        case .unsupportedVersion(let version?):
            "the plan is version \(version), but this mailzone reads version \(Plan.formatVersion); make the plan again with this mailzone"
        case .unsupportedVersion(nil):
            "the file is not a mailzone plan (it has no 'version')"
        }
    }
}

/// A plan with its summary counts beside its own fields, in one JSON object.
struct PlanDocument: Encodable {
    var plan: Plan

    private enum CodingKeys: String, CodingKey { case summary }

    func encode(to encoder: any Encoder) throws {
        try plan.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(plan.summary, forKey: .summary)
    }
}
