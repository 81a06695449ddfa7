import Foundation

/// The report as JSON (`schemas/verify.schema.json`): keys sorted, so the same report gives the
/// same bytes, and a `summary` and `exitCode` beside the data for scripts.
public enum VerifyJSONRenderer {
    /// The document: the report's fields plus `summary` and `exitCode`.
    struct Document: Encodable {
        var report: VerifyReport

        enum Keys: String, CodingKey {
            case version, declaration, zones, errors, summary, exitCode
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(report.version, forKey: .version)
            try container.encode(report.declaration, forKey: .declaration)
            try container.encode(report.zones, forKey: .zones)
            // Only a report of a declaration with errors has them: the others' bytes stay as they were.
            if !report.errors.isEmpty { try container.encode(report.errors, forKey: .errors) }
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
