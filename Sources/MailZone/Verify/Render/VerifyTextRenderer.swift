/// The report for a terminal or a log: per zone its servers and serials, per sender one line a
/// record with its status, then what was served and why when it is not verified, and each
/// server's own line when the servers disagree.
///
/// ```
/// zone sampledomain.com.  zones/db.sampledomain.com  serial 2026113001
///   server ns1.sampledomain.com. (127.0.0.1:53)  serial 2026113001
///   sender sampledomain.com.  (tencent-ses)
///     verified  @                  MX   10 mxbiz1.qq.com.
///     missing   _dmarc             TXT  v=DMARC1; p=none
///               no TXT record at _dmarc.sampledomain.com.
/// Verify: 1 verified, 1 missing, 0 mismatched, 0 errors.
/// ```
public struct VerifyTextRenderer: Sendable {
    /// ANSI colours for the status words; only on a terminal, never with NO_COLOR (the caller decides).
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    private var style: TextStyle { TextStyle(color: color) }

    public func render(_ report: VerifyReport) -> String {
        var out = ""
        for zone in report.zones {
            var heading = "zone " + (zone.origin ?? "(none)")
            if let file = zone.file { heading += "  \(file)" }
            if let serial = zone.fileSerial { heading += "  serial \(serial)" }
            out += style.bold(heading) + "\n"
            for error in zone.errors { out += "  " + style.red("error:") + " \(error)\n" }
            for server in zone.servers {
                var line = "  server \(server.label)"
                if let serial = server.serial { line += "  serial \(serial)" }
                if let error = server.error { line += "  " + style.red("error:") + " \(error)" }
                out += line + "\n"
            }
            for warning in zone.warnings { out += "  " + style.yellow("warning:") + " \(warning)\n" }
            for sender in zone.senders {
                let services = sender.services.isEmpty ? "" : "  (\(sender.services.joined(separator: ", ")))"
                out += "  sender \(sender.domain)\(services)\n"
                let hostWidth = sender.records.map(\.host.count).max() ?? 0
                let typeWidth = sender.records.map(\.type.count).max() ?? 0
                for record in sender.records {
                    out +=
                        "    " + record.status.painted(pad(record.status.rawValue, 8), style) + "  "
                        + pad(record.host, hostWidth) + "  " + pad(record.type, typeWidth) + "  "
                        + Self.expectedLabel(record) + "\n"
                    out += details(record).map { "              " + $0 + "\n" }.joined()
                }
            }
        }
        out += Self.summaryLine(report) + "\n"
        return out
    }

    /// What the plan leaves, shortened: `v=DKIM1; k=rsa; p=MIIB...IDAQAB`, `10 mxbiz1.qq.com.`
    static func expectedLabel(_ record: VerifyRecord) -> String {
        abbreviate(record.expected)
    }

    /// The lines under a record: nothing when verified everywhere, what served and why when the
    /// servers agree, one block per server when they do not.
    private func details(_ record: VerifyRecord) -> [String] {
        if !record.serversDisagree {
            guard let result = record.results.first else { return ["no server answered"] }
            return Self.lines(result, showStatus: false)
        }
        let width = record.results.map(\.server.count).max() ?? 0
        var lines: [String] = []
        for result in record.results {
            let rest = Self.lines(result, showStatus: true)
            lines.append(
                pad(result.server, width) + "  " + result.status.painted(result.status.rawValue, style)
                    + (rest.first.map { ": " + $0 } ?? ""))
            lines += rest.dropFirst().map { String(repeating: " ", count: width + 2) + $0 }
        }
        return lines
    }

    /// The detail, then `served: ...` lines, for a result that is not plainly verified.
    static func lines(_ result: VerifyResult, showStatus: Bool) -> [String] {
        var lines: [String] = []
        if let detail = result.detail { lines.append(detail) }
        if result.status != .verified, result.status != .error {
            lines += result.served.map { "served: " + abbreviate($0) }
        }
        if result.transport == "tcp", result.status != .verified || result.detail != nil || showStatus {
            lines.append("(answered over TCP)")
        }
        return lines
    }

    static func summaryLine(_ report: VerifyReport) -> String {
        let summary = report.summary
        var parts = ["\(summary.verified) verified", "\(summary.missing) missing", "\(summary.mismatch) mismatched"]
        let errors = summary.recordErrors + summary.errors
        parts.append("\(errors) \(errors == 1 ? "error" : "errors")")
        var line = "Verify: " + parts.joined(separator: ", ") + "."
        if summary.serverErrors > 0 {
            line += " \(summary.serverErrors) \(summary.serverErrors == 1 ? "server" : "servers") could not be asked."
        }
        switch report.exitCode {
        case 0: line += " Every record is served."
        case 2: line += " Some records are not served yet."
        default: break
        }
        return line
    }

    /// Long values (DKIM keys) shortened to their ends, as a reviewer recognises them.
    static func abbreviate(_ text: String, limit: Int = 72) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 18)) + "..." + String(text.suffix(15))
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

extension VerifyStatus {
    /// The status in its colour: verified green, missing yellow, wrong or unanswered red.
    func painted(_ text: String, _ style: TextStyle) -> String {
        switch self {
        case .verified: style.green(text)
        case .missing: style.yellow(text)
        case .mismatch, .error: style.red(text)
        }
    }
}
