/// The report as GitHub Actions workflow commands: an `::error` (mismatch, error) or `::warning`
/// (missing: not published yet) on the mailzone.yaml line each record comes from, so the pull
/// request shows the problem where the record is declared, with what the server serves instead.
public enum VerifyGitHubRenderer {
    public static func render(_ report: VerifyReport) -> String {
        var out = GitHubAnnotations.render(errors: report.errors)
        for zone in report.zones {
            let zoneName = zone.origin ?? "(no zone)"
            for error in zone.errors {
                out += GitHubAnnotations.line(
                    .error, title: "mailzone verify: zone \(zoneName)", message: error, at: nil)
            }
            for server in zone.servers {
                guard let error = server.error else { continue }
                out += GitHubAnnotations.line(
                    .error, title: "mailzone verify: \(server.label)", message: error, at: nil)
            }
            for warning in zone.warnings {
                out += GitHubAnnotations.line(
                    .warning, title: "mailzone verify: zone \(zoneName)", message: warning, at: nil)
            }
            for record in zone.senders.flatMap(\.records) where record.status != .verified {
                let level: GitHubAnnotations.Level = record.status == .missing ? .warning : .error
                var message =
                    "\(record.name) \(record.type) \(record.status.rawValue): wanted \(VerifyTextRenderer.expectedLabel(record))"
                let results = record.serversDisagree ? record.results : Array(record.results.prefix(1))
                for result in results where result.status != .verified || record.serversDisagree {
                    var line = record.serversDisagree ? "\(result.server) \(result.status.rawValue)" : ""
                    if let detail = result.detail { line += (line.isEmpty ? "" : ": ") + detail }
                    if !line.isEmpty { message += "\n" + line }
                    // What the server serves instead, as in the text output (already escaped: see ServedText).
                    if result.status == .missing || result.status == .mismatch {
                        message += result.served.map { "\nserved: " + VerifyTextRenderer.abbreviate($0) }.joined()
                    }
                }
                let place = PlanLocation(
                    file: record.source.file, line: record.source.line, column: record.source.column ?? 1)
                out += GitHubAnnotations.line(
                    level, title: "mailzone verify: \(record.host) \(record.type) \(record.status.rawValue)",
                    message: message, at: place)
            }
        }
        out += VerifyTextRenderer.summaryLine(report) + "\n"
        return out
    }
}
