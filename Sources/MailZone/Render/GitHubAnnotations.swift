/// The plan as GitHub Actions workflow commands, so `check --format github` puts each
/// finding on the zone or YAML line it concerns in the pull request's "Files changed" view.
///
/// Conflicts and errors are `::error`, warnings `::warning`, and every needed change a
/// `::notice` (so a reviewer sees where apply will write). Paths are as the plan shows
/// them, relative to the current directory: run from the repository root.
/// Escaping follows GitHub's toolkit (`@actions/core` `command.ts`): `%`, CR and LF in
/// the message; those and `:` and `,` in properties.
public enum GitHubAnnotations {
    public enum Level: String, Sendable {
        case error, warning, notice
    }

    /// The plan's findings outside any zone.
    public static func render(errors: [PlanFinding]) -> String {
        errors.map {
            line(.error, title: "mailzone: error", message: message($0.message, fix: $0.fix), at: $0.location)
        }.joined()
    }

    /// One zone's annotations: its errors and warnings, each sender's records, the serial bump.
    public static func render(zone: ZonePlan) -> String {
        var out = ""
        for finding in zone.errors {
            out += line(
                .error, title: "mailzone: error in zone \(zone.origin)",
                message: message(finding.message, fix: finding.fix),
                at: finding.location ?? PlanLocation(file: zone.file, line: 1))
        }
        for finding in zone.warnings {
            out += line(
                .warning, title: "mailzone: zone \(zone.origin)", message: message(finding.message, fix: finding.fix),
                at: finding.location ?? PlanLocation(file: zone.file, line: 1))
        }
        for sender in zone.senders {
            let domain = sender.domain.text
            // A held-back sender's changes are not for apply to write yet: said so, instead of "run apply".
            let conflicts = sender.items.filter { $0.action == .conflict }.count
            let held = "held back until this sender's \(conflicts == 1 ? "conflict is" : "conflicts are") resolved: "
            func change(_ text: String) -> String {
                sender.isHeldBack ? held + text : text + " (run `mailzone apply`)"
            }
            for item in sender.items {
                let title = "mailzone: \(item.owner) \(item.type) (\(domain))"
                // Prefer the zone line: that is the file the pull request changes; else the YAML line asking for it.
                let place = item.zoneLocation ?? item.declarationLocation
                switch item.action {
                case .conflict:
                    out += line(
                        .error, title: "mailzone conflict: \(item.owner) \(item.type) (\(domain))",
                        message: message(item.message ?? "conflict", fix: item.fix), at: place)
                case .warning:
                    out += line(.warning, title: title, message: message(item.message ?? "", fix: item.fix), at: place)
                case .create:
                    out += line(
                        .notice, title: title,
                        message: change("add \(item.owner) \(item.type) \(short(item.after))"),
                        at: item.declarationLocation ?? item.zoneLocation)
                case .merge, .replace:
                    out += line(
                        .notice, title: title,
                        message: change(
                            "\(item.action.rawValue) \(item.owner) \(item.type): \(short(item.before)) => \(short(item.after))"
                        ),
                        at: place)
                case .delete:
                    out += line(
                        .notice, title: title,
                        message: change("delete \(item.owner) \(item.type) \(short(item.before))"), at: place)
                case .unchanged:
                    break
                }
            }
        }
        if let serial = zone.serial {
            out += line(
                .notice, title: "mailzone: \(zone.origin) SOA serial",
                message: "the SOA serial goes from \(serial.from) to \(serial.to) (\(serial.scheme))",
                at: serial.location ?? PlanLocation(file: zone.file, line: 1))
        }
        return out
    }

    /// The closing annotation of a plan that apply would refuse (conflicts or errors): the counts and what
    /// to resolve first, as the text summary says it; nothing otherwise (a passing check prints no annotation).
    public static func closing(_ tally: PlanTally) -> String {
        guard let resolve = tally.summary.resolveFirst(where: "see the errors above") else { return "" }
        return line(.error, title: "mailzone: plan", message: "Plan: \(tally.summary.counts) \(resolve)", at: nil)
    }

    /// One workflow command line: `::LEVEL file=F,line=N,col=C,title=T::MESSAGE`.
    public static func line(_ level: Level, title: String?, message: String, at location: PlanLocation?) -> String {
        var properties: [String] = []
        if let location {
            properties.append("file=" + escapeProperty(location.file))
            properties.append("line=\(location.line)")
            if let column = location.column { properties.append("col=\(column)") }
        }
        if let title { properties.append("title=" + escapeProperty(title)) }
        let head =
            properties.isEmpty ? "::\(level.rawValue)" : "::\(level.rawValue) " + properties.joined(separator: ",")
        return head + "::" + escapeData(message) + "\n"
    }

    /// A value shortened for a notice: a DKIM key in full is noise in a review; the diff shows it.
    private static func short(_ value: String?) -> String {
        MarkdownText.abbreviated(value ?? "", limit: 100)
    }

    private static func message(_ text: String, fix: String?) -> String {
        fix.map { "\(text)\nfix: \($0)" } ?? text
    }

    /// The message part: `%`, CR and LF encoded.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value: as data, plus `:` and `,`, which separate properties.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
