/// The report as GitHub Actions workflow commands: an `::error` (mismatch, error) or `::warning`
/// (missing: not published yet) on the mailzone.yaml line each record comes from, so the pull
/// request shows the problem where the record is declared.
public enum VerifyGitHubRenderer {
    public static func render(_ report: VerifyReport) -> String {
        var out = ""
        for zone in report.zones {
            let zoneName = zone.origin ?? "(no zone)"
            for error in zone.errors {
                out += command("error", properties: [("title", "mailzone verify: zone \(zoneName)")], message: error)
            }
            for server in zone.servers {
                guard let error = server.error else { continue }
                out += command("error", properties: [("title", "mailzone verify: \(server.label)")], message: error)
            }
            for warning in zone.warnings {
                out += command("warning", properties: [("title", "mailzone verify: zone \(zoneName)")], message: warning)
            }
            for record in zone.senders.flatMap(\.records) where record.status != .verified {
                let level = record.status == .missing ? "warning" : "error"
                var message = "\(record.name) \(record.type) \(record.status.rawValue): wanted \(VerifyTextRenderer.expectedLabel(record))"
                let results = record.serversDisagree ? record.results : Array(record.results.prefix(1))
                for result in results where result.status != .verified || record.serversDisagree {
                    var line = record.serversDisagree ? "\(result.server) \(result.status.rawValue)" : ""
                    if let detail = result.detail { line += (line.isEmpty ? "" : ": ") + detail }
                    if !line.isEmpty { message += "\n" + line }
                }
                out += command(level, properties: [
                    ("file", record.source.file), ("line", String(record.source.line)),
                    ("col", record.source.column.map(String.init) ?? "1"),
                    ("title", "mailzone verify: \(record.host) \(record.type) \(record.status.rawValue)"),
                ], message: message)
            }
        }
        out += VerifyTextRenderer.summaryLine(report) + "\n"
        return out
    }

    /// `::level key=value,...::message`, escaped as the runner expects.
    static func command(_ level: String, properties: [(String, String)], message: String) -> String {
        let props = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(level) \(props)::\(escapeData(message))\n"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
