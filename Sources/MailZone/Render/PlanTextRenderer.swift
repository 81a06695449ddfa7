/// The plan as a person reads it in a terminal or a review: per zone and sender,
/// one line per record with a sign (`+` create, `~` merge or replace, `-` delete,
/// `=` unchanged, `x` conflict, `!` warning), the value before and after, and a
/// summary with what to run next.
public struct PlanTextRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle = TextStyle(color: false)) {
        self.style = style
    }

    /// The whole plan: findings outside any zone, each zone, the summary line. `plan` and `check`
    /// write the same pieces as the zones are planned, `check` ending with its verdict instead.
    public func render(_ plan: Plan) -> String {
        plan.zones.reduce(into: notice(plan) + renderErrors(plan.errors)) { $0 += renderZone($1) }
            + summaryLine(PlanTally(plan))
    }

    /// The line that opens a narrowed plan (`--sender`, `--zone`); empty for a whole one.
    public func notice(_ plan: Plan) -> String {
        plan.target.map { $0.notice(declaration: plan.declaration) + "\n" } ?? ""
    }

    /// The plan's findings outside any zone, which come first.
    public func renderErrors(_ errors: [PlanFinding]) -> String {
        var out = ""
        for finding in errors {
            out += finding.location.map { "\($0): " } ?? ""
            out += style.red("error:") + " \(finding.message)\n"
            if let fix = finding.fix { out += "  fix: \(fix)\n" }
        }
        return out
    }

    /// One zone's block: its errors and warnings, each sender's records, the serial bump.
    public func renderZone(_ zone: ZonePlan) -> String {
        // Room for the block at once, not grown line by line (a repository of thousands of zones renders
        // each), and each line written into it in pieces rather than joined from strings of its own.
        var out = ""
        out.reserveCapacity(Self.estimatedSize(of: zone))
        style.append("1", to: &out) { out in
            out += "zone "
            out += zone.origin.description
        }
        out += "  "
        out += zone.file
        out += "\n"
        for error in zone.errors {
            out += "  " + style.red("x") + " " + (error.location.map { "\($0): " } ?? "") + error.message + "\n"
            if let fix = error.fix { out += "      fix: \(fix)\n" }
        }
        for warning in zone.warnings {
            out += "  " + style.yellow("!") + " \(warning.message)\n"
            if let fix = warning.fix { out += "      fix: \(fix)\n" }
        }
        for sender in zone.senders {
            out += "  sender "
            // The name without its trailing dot (`text`), appended from its presentation: not copied first.
            out.append(contentsOf: sender.domain.description.dropLast())
            out += "  ("
            out += sender.serviceSummary
            out += ")\n"
            // The widest owner, found without an array of the widths.
            var width = 0
            for item in sender.items { width = max(width, item.owner.characterCount) }
            if sender.items.isEmpty { width = 1 }
            guard sender.isHeldBack else {
                for item in sender.items { renderItem(item, ownerWidth: width, into: &out) }
                continue
            }
            // The conflicts (and what is already right) first, then the changes they hold back, set apart.
            for item in sender.items where !SenderPlan.isChange(item) {
                renderItem(item, ownerWidth: width, into: &out)
            }
            let held = sender.items.filter(SenderPlan.isChange)
            let conflicts = sender.items.filter { $0.action == .conflict }.count
            let resolved = conflicts == 1 ? "its conflict is resolved" : "its conflicts are resolved"
            if held.isEmpty {
                out += "    " + style.red("this sender changes nothing until \(resolved)") + "\n"
            } else {
                out += "    " + style.red("held back until \(resolved) (apply writes none of these):") + "\n"
                for item in held { renderItem(item, ownerWidth: width, indent: "      ", into: &out) }
            }
        }
        if let serial = zone.serial {
            out += "  "
            style.append("33", to: &out) { $0 += "~" }
            out += " @ SOA serial "
            out += String(serial.from)
            out += " => "
            out += String(serial.to)
            out += " ("
            out += serial.scheme
            out += ")\n"
        }
        out += "\n"
        return out
    }

    /// About the bytes of `renderZone(zone)`: its header, each sender's line and each item's (a value is
    /// shown in at most `valueLimit` characters), more for findings. Room never written costs no memory.
    static func estimatedSize(of zone: ZonePlan) -> Int {
        let items = zone.senders.reduce(0) { $0 + $1.items.count }
        return 128 + 2 * zone.file.utf8.count + 64 * zone.senders.count + 192 * items
            + 256 * (zone.errors.count + zone.warnings.count)
    }

    /// Appends an item's lines to `out` (the zone's text, written in place rather than joined from a
    /// string per item, its columns padded in place).
    private func renderItem(_ item: PlanItem, ownerWidth: Int, indent: String = "    ", into out: inout String) {
        let ownerPadding = max(0, ownerWidth - item.owner.characterCount)
        let typeText = item.type.mnemonic
        let typePadding = max(0, 5 - typeText.characterCount)
        // `SIGN OWNER TYPE ` with the owner and the type padded to their columns.
        func head(_ sign: String, into out: inout String) {
            out += sign
            out += " "
            out += item.owner
            Self.appendSpaces(ownerPadding, to: &out)
            out += " "
            out += typeText
            Self.appendSpaces(typePadding, to: &out)
            out += " "
        }
        func note(into out: inout String) {
            guard let note = item.note else { return }
            out += "   "
            style.append("2", to: &out) { out in
                out += "("
                out += note
                out += ")"
            }
        }
        out += indent
        switch item.action {
        case .create:
            style.append("32", to: &out) { out in
                head("+", into: &out)
                appendShown(item.after, to: &out)
            }
            note(into: &out)
            out += "\n"
        case .merge, .replace:
            style.append("33", to: &out) { out in
                head("~", into: &out)
                appendShown(item.before, to: &out)
            }
            out += "\n"
            out += indent
            out += "  "
            Self.appendSpaces(
                item.owner.characterCount + ownerPadding + typeText.characterCount + typePadding, to: &out)
            style.append("33", to: &out) { out in
                out += "=> "
                appendShown(item.after, to: &out)
            }
            note(into: &out)
            out += "\n"
        case .delete:
            style.append("31", to: &out) { out in
                head("-", into: &out)
                appendShown(item.before, to: &out)
            }
            note(into: &out)
            out += "\n"
        case .unchanged:
            style.append("2", to: &out) { out in
                head("=", into: &out)
                appendShown(item.after, to: &out)
            }
            note(into: &out)
            out += "\n"
        case .conflict:
            style.append("31", to: &out) { out in head("x", into: &out) }
            out += item.message ?? ""
            out += "\n"
            if let before = item.before { out += "      in the zone: \(shown(before))\n" }
            let places = [item.zoneLocation?.description, item.declarationLocation?.description].compactMap { $0 }
            if !places.isEmpty { out += "      " + places.joined(separator: ", ") + "\n" }
            if let fix = item.fix { out += "      fix: \(fix)\n" }
        case .warning:
            style.append("33", to: &out) { out in head("!", into: &out) }
            out += item.message ?? ""
            out += "\n"
            if let fix = item.fix { out += "      fix: \(fix)\n" }
        }
    }

    /// Appends `count` spaces (none for zero or less) from strings made once: a run of up to 64 is
    /// one append of a whole string (a slice of one is copied through a slower path).
    private static func appendSpaces(_ count: Int, to out: inout String) {
        var left = count
        while left > 0 {
            let run = min(left, spaceRuns.count - 1)
            out += spaceRuns[run]
            left -= run
        }
    }

    /// `spaceRuns[n]` is `n` spaces, for `n` from 0 to 64.
    private static let spaceRuns = (0...64).map { String(repeating: " ", count: $0) }

    /// A value as the terminal shows it: a DKIM key of ~400 characters is cut in the middle
    /// (`p=MIIBIjAN...IDAQAB"`, as DESIGN.md sketches it), since its two ends identify it and the
    /// diff (`--format diff`) and JSON carry it whole.
    func shown(_ value: String?) -> String {
        guard let value else { return "" }
        // Counting characters walks the text as graphemes, for each value of each zone: bytes answer
        // first where they can. A text has no more characters than UTF-8 bytes, and in ASCII without a
        // carriage return (which joins a following line feed into one character) each byte is one.
        let bytes = value.utf8
        guard bytes.count > Self.valueLimit else { return value }
        if bytes.allBytesSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            return String(decoding: bytes.prefix(Self.valueLimit - 20), as: UTF8.self) + "..."
                + String(decoding: bytes.suffix(17), as: UTF8.self)
        }
        guard value.count > Self.valueLimit else { return value }
        return String(value.prefix(Self.valueLimit - 20)) + "..." + String(value.suffix(17))
    }

    /// Appends `shown(value)` to `out`: a shortened ASCII value as its two ends, appended from the
    /// value itself, without strings made for them (a DKIM key on each of thousands of senders' lines).
    func appendShown(_ value: String?, to out: inout String) {
        guard let value else { return }
        let bytes = value.utf8
        guard bytes.count > Self.valueLimit, bytes.allBytesSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else {
            out += shown(value)
            return
        }
        out += Substring(bytes.prefix(Self.valueLimit - 20))
        out += "..."
        out += Substring(bytes.suffix(17))
    }

    /// Values longer than this are shortened.
    static let valueLimit = 100

    public func summaryLine(_ tally: PlanTally) -> String {
        let s = tally.summary
        var line = "Plan: " + s.counts
        let files = tally.files
        if let resolve = s.resolveFirst(where: "see fix: above") {
            line += " " + resolve
        } else if !files.isEmpty {
            line += " `mailzone apply` writes \(files.joined(separator: ", "))."
        } else {
            line += " The zones already satisfy the declaration."
        }
        return line + "\n"
    }
}
