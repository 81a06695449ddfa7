/// The report as Markdown for a pull-request comment or a job summary: a table of servers and
/// serials per zone, a table of records per sender.
public enum VerifyMarkdownRenderer {
    public static func render(_ report: VerifyReport) -> String {
        var out = "## mailzone verify\n\n"
        out += "**" + VerifyTextRenderer.summaryLine(report).dropFirst("Verify: ".count) + "**\n"
        if !report.errors.isEmpty { out += "\n" }
        for error in report.errors { out += "- :x: \(cell(DeclarationFinding.text(error)))\n" }
        for zone in report.zones {
            var heading = "\n### Zone " + (zone.origin.map { "`\($0)`" } ?? "(none)")
            if let file = zone.file { heading += " — `\(file)`" }
            if let serial = zone.fileSerial { heading += ", serial \(serial)" }
            out += heading + "\n\n"
            for error in zone.errors { out += "- :x: \(cell(error))\n" }
            for warning in zone.warnings { out += "- :warning: \(cell(warning))\n" }
            if !zone.errors.isEmpty || !zone.warnings.isEmpty { out += "\n" }
            if !zone.servers.isEmpty {
                out += "| Server | Name server | Serial | Problem |\n|---|---|---|---|\n"
                for server in zone.servers {
                    out +=
                        "| `\(server.address)` | \(server.nameServer.map { "`\($0)`" } ?? "") | "
                        + "\(server.serial.map(String.init) ?? "") | \(cell(server.error ?? "")) |\n"
                }
                out += "\n"
            }
            for sender in zone.senders {
                out += "#### Sender `\(sender.domain)`"
                if !sender.services.isEmpty { out += " (\(sender.services.joined(separator: ", ")))" }
                out += "\n\n| Status | Host | Type | Expected | Served |\n|---|---|---|---|---|\n"
                for record in sender.records {
                    out +=
                        "| \(icon(record.status)) \(record.status.rawValue) | \(code(record.host)) | \(record.type) | "
                        + code(VerifyTextRenderer.expectedLabel(record)) + " | " + servedCell(record) + " |\n"
                }
                out += "\n"
            }
        }
        return out
    }

    private static func servedCell(_ record: VerifyRecord) -> String {
        if record.status == .verified, !record.serversDisagree, record.results.allSatisfy({ $0.detail == nil }) {
            return ""
        }
        let results = record.serversDisagree ? record.results : Array(record.results.prefix(1))
        return results.map { result in
            var parts: [String] = []
            if record.serversDisagree { parts.append("`\(result.server)` \(result.status.rawValue)") }
            if let detail = result.detail { parts.append(cell(detail)) }
            if result.status != .verified, result.status != .error {
                parts += result.served.map { code(VerifyTextRenderer.abbreviate($0)) }
            }
            return parts.joined(separator: ": ")
        }.joined(separator: "<br>")
    }

    private static func icon(_ status: VerifyStatus) -> String {
        switch status {
        case .verified: ":white_check_mark:"
        case .missing: ":hourglass:"
        case .mismatch: ":x:"
        case .error: ":warning:"
        }
    }

    /// Words in a table cell or list item: Markdown punctuation escaped, so a served value quoted
    /// in a detail (`[x](http://...)`, `<img>`) is shown, never rendered; `|` and newlines cannot
    /// break the table.
    static func cell(_ text: String) -> String {
        MarkdownText.plain(text, inTable: true)
    }

    /// Inline code whose content may hold backtick runs: the fence is longer than any of them.
    private static func code(_ text: String) -> String {
        MarkdownText.code(text.replacingOccurrences(of: "\n", with: " "), inTable: true)
    }
}
