import Foundation

/// The report as JSON (`schemas/verify.schema.json`): keys sorted, so the same report gives the
/// same bytes, and a `summary` and `exitCode` beside the data for scripts.
public enum VerifyJSONRenderer {
    /// The document: the report's fields plus `summary` and `exitCode`.
    struct Document: Encodable {
        var report: VerifyReport

        enum Keys: String, CodingKey {
            case version, declaration, zones, summary, exitCode
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(report.version, forKey: .version)
            try container.encode(report.declaration, forKey: .declaration)
            try container.encode(report.zones, forKey: .zones)
            try container.encode(report.summary, forKey: .summary)
            try container.encode(report.exitCode, forKey: .exitCode)
        }
    }

    public static func render(_ report: VerifyReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        guard let data = try? encoder.encode(Document(report: report)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
