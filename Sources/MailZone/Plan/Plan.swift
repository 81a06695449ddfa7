import ZoneFile

/// What mailzone would change, for review: per zone and sender, the records to
/// create, merge or replace, the conflicts that stop a sender, and warnings.
///
/// A plan is deterministic (the same inputs give the same bytes in every
/// format) and reviewable on its own: `apply --plan` plans again and writes only
/// when that gives exactly this plan (it trusts none of its paths or edits),
/// after checking that no zone file changed since it was made.
///
/// The plan is the domain model: record types are `RRType`, names `DomainName`, severities
/// `PlanSeverity`. Its JSON document is a separate layer (`PlanShape`), built from it by the
/// renderers and read back into it.
public struct Plan: Sendable, Hashable {
    /// Version of the plan document (`schemas/plan.schema.json`).
    public static let formatVersion = 1

    public var version: Int
    /// The declaration the plan was made from, as the user named it.
    public var declaration: String
    public var zones: [ZonePlan]
    /// Problems outside any zone (a zone file that cannot be read is reported in its zone).
    public var errors: [PlanFinding]
    /// The part of the declaration planned (`--sender`, `--zone`); absent when the plan covers all of it.
    /// `apply --plan` plans again with it.
    public var target: PlanTarget?

    public init(declaration: String, zones: [ZonePlan], errors: [PlanFinding] = [], target: PlanTarget? = nil) {
        self.version = Plan.formatVersion
        self.declaration = declaration
        self.zones = zones
        self.errors = errors
        self.target = target
    }

    public var summary: PlanSummary { PlanTally(self).summary }

    /// True when applying would change a file.
    public var hasChanges: Bool { zones.contains { !$0.files.isEmpty } }
    /// True when a conflict or an error stops part of the plan.
    public var hasProblems: Bool { PlanTally(self).hasProblems }
}

/// A plan's counts and the files it writes, gathered zone by zone: what the summary line, the
/// verdict and the exit code need when the zones are rendered as they are planned and not kept.
public struct PlanTally: Sendable, Hashable {
    public private(set) var summary = PlanSummary()
    /// The files apply would write, in plan order.
    public private(set) var files: [String] = []

    /// A tally of the plan's findings outside any zone, before any zone is added.
    public init(errors: [PlanFinding]) {
        summary.errors = errors.count
    }

    /// The tally of a whole plan.
    public init(_ plan: Plan) {
        self.init(errors: plan.errors)
        plan.zones.forEach { add($0) }
    }

    public mutating func add(_ zone: ZonePlan) {
        summary.errors += zone.errors.count
        summary.warnings += zone.warnings.count
        for sender in zone.senders {
            // A sender with a conflict changes nothing: its would-be changes are counted apart, as held back.
            let held = sender.hasConflicts
            // Each item's action read in place: an item is a dozen strings, which a copy would retain and release.
            for index in sender.items.indices {
                if held, SenderPlan.isChange(sender.items[index]) {
                    summary.held += 1
                    continue
                }
                switch sender.items[index].action {
                case .create: summary.create += 1
                case .merge: summary.merge += 1
                case .replace: summary.replace += 1
                case .delete: summary.delete += 1
                case .unchanged: summary.unchanged += 1
                case .conflict: summary.conflicts += 1
                case .warning: summary.warnings += 1
                }
            }
        }
        if zone.serial != nil { summary.zonesChanged += 1 }
        files += zone.files.map(\.path)
    }

    /// True when applying would change a file.
    public var hasChanges: Bool { !files.isEmpty }
    /// True when a conflict or an error stops part of the plan.
    public var hasProblems: Bool { summary.conflicts > 0 || summary.errors > 0 }
}

/// Counts for the summary line and the Markdown table.
public struct PlanSummary: Codable, Sendable, Hashable {
    /// `2 to add, 0 to merge, 0 to replace, 0 conflicts, 1 warning.`: the counts as the text summary
    /// and the Markdown verdict give them (held-back changes, warnings and errors only when there are some).
    public var counts: String {
        var parts = [
            "\(create) to add", "\(merge) to merge", "\(replace) to replace",
        ]
        // Deletions only when there are some: most plans add and merge.
        if delete > 0 { parts.append("\(delete) to delete") }
        parts.append("\(conflicts) \(conflicts == 1 ? "conflict" : "conflicts")")
        if held > 0 { parts.append("\(held) held back") }
        if warnings > 0 { parts.append("\(warnings) \(warnings == 1 ? "warning" : "warnings")") }
        if errors > 0 { parts.append("\(errors) \(errors == 1 ? "error" : "errors")") }
        return parts.joined(separator: ", ") + "."
    }

    /// What stops apply, to resolve first: `the 1 conflict`, `the 2 conflicts and the 1 error`
    /// (nil when nothing does). Every format's closing line names it the same way.
    public var blockers: String? {
        var parts: [String] = []
        if conflicts > 0 { parts.append("the \(conflicts) \(conflicts == 1 ? "conflict" : "conflicts")") }
        if errors > 0 { parts.append("the \(errors) \(errors == 1 ? "error" : "errors")") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    /// The closing sentence of a plan with conflicts or errors: what to resolve first, and that apply
    /// writes nothing until then (it refuses a plan with any conflict or error, see `Applier`).
    /// `where` says where the fixes are shown (`see fix: above`).
    public func resolveFirst(where place: String) -> String? {
        blockers.map { "Resolve \($0) first (\(place)): `mailzone apply` writes nothing until the plan has none." }
    }

    public var create = 0
    public var merge = 0
    public var replace = 0
    /// Records mailzone owns that the declaration no longer asks for.
    public var delete = 0
    public var unchanged = 0
    public var conflicts = 0
    /// Changes (create, merge, replace, delete) of senders with a conflict: shown, but not written until it is resolved.
    public var held = 0
    public var warnings = 0
    public var errors = 0
    public var zonesChanged = 0
}

/// The plan for one zone file (and the files it includes).
public struct ZonePlan: Sendable, Hashable {
    /// The zone's origin.
    public var origin: DomainName
    /// The top zone file as the declaration names it (relative to the current directory).
    public var file: String
    public var senders: [SenderPlan]
    /// Zone-level problems that stop every sender of the zone (the file does not parse, cannot be read).
    public var errors: [PlanFinding]
    /// Zone-level warnings (a DNSSEC-signed zone must be re-signed after apply).
    public var warnings: [PlanFinding]
    /// The SOA serial bump, when the zone changes.
    public var serial: SerialChange?
    /// The files that change, with the edits that change them.
    public var files: [FileChange]
    /// How many records of the zone carry a mailzone marker (docs/OWNERSHIP.md); nil for none. The
    /// deletion thresholds are a share of it (`DeletionGuard`).
    public var managedRecords: Int?
    /// Every file the zone was read from (the top file and its includes) with its SHA-256 when planned,
    /// so a saved plan is refused if any of them changed.
    public var inputs: [FileDigest]

    public init(
        origin: DomainName, file: String, senders: [SenderPlan] = [], errors: [PlanFinding] = [],
        warnings: [PlanFinding] = [], serial: SerialChange? = nil, files: [FileChange] = [], inputs: [FileDigest] = []
    ) {
        self.origin = origin
        self.file = file
        self.senders = senders
        self.errors = errors
        self.warnings = warnings
        self.serial = serial
        self.files = files
        self.inputs = inputs
    }
}

/// A file and the SHA-256 of its content, hex.
public struct FileDigest: Codable, Sendable, Hashable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// What one sender needs in its zone.
public struct SenderPlan: Sendable, Hashable {
    /// The sender domain.
    public var domain: DomainName
    /// The presets it uses, in declaration order.
    public var services: [String]
    public var items: [PlanItem]

    public init(domain: DomainName, services: [String], items: [PlanItem]) {
        self.domain = domain
        self.services = services
        self.items = items
    }

    /// Whether an item is a conflict; each item's action read in place (a search by element copies every
    /// item, a dozen strings, for each sender of each plan rendered and tallied).
    public var hasConflicts: Bool { items.indices.contains { items[$0].action == .conflict } }

    /// True when the sender's changes are held back: it has a conflict, so apply writes none of them.
    public var isHeldBack: Bool { hasConflicts }

    /// Whether `item` is a change apply would write if the sender had no conflict.
    public static func isChange(_ item: PlanItem) -> Bool {
        [.create, .merge, .replace, .delete].contains(item.action)
    }
}

/// One line of a plan: a record to create, merge, replace or delete, one already right, a conflict or a warning.
public struct PlanItem: Sendable, Hashable {
    public enum Action: String, Codable, Sendable, Hashable, CaseIterable {
        case create
        case merge
        case replace
        /// A record mailzone owns that the declaration no longer asks for.
        case delete
        case unchanged
        case conflict
        case warning
    }

    public var action: Action
    /// Owner relative to the zone origin (`@`, `_dmarc.abc`), as the zone file writes it.
    public var owner: String
    /// Owner, absolute.
    public var name: DomainName
    /// The record's type (MX, TXT, CNAME, ...).
    public var type: RRType
    /// What the record is for (`mx`, `spf`, `dkim`, `dmarc`, ...).
    public var purpose: String
    /// RDATA in presentation form before (merge, replace; the record in the way for a conflict).
    public var before: String?
    /// RDATA in presentation form after (create, merge, replace, unchanged).
    public var after: String?
    /// For conflicts and warnings: what is wrong.
    public var message: String?
    /// For conflicts and warnings: what to do.
    public var fix: String?
    /// A remark: the DKIM key's size, an unconfirmed preset value.
    public var note: String?
    /// The zone file line of the record concerned (existing record, or where the new one goes).
    public var zoneLocation: PlanLocation?
    /// The mailzone.yaml line the need comes from.
    public var declarationLocation: PlanLocation?

    public init(
        action: Action, owner: String, name: DomainName, type: RRType, purpose: String, before: String? = nil,
        after: String? = nil, message: String? = nil, fix: String? = nil, note: String? = nil,
        zoneLocation: PlanLocation? = nil, declarationLocation: PlanLocation? = nil
    ) {
        self.action = action
        self.owner = owner
        self.name = name
        self.type = type
        self.purpose = purpose
        self.before = before
        self.after = after
        self.message = message
        self.fix = fix
        self.note = note
        self.zoneLocation = zoneLocation
        self.declarationLocation = declarationLocation
    }
}

/// How bad a finding is: an error stops the plan (apply writes nothing until it is resolved), a
/// warning is shown and the plan goes on. Written as `error` or `warning` in every document.
public enum PlanSeverity: String, Codable, Sendable, Hashable, CaseIterable {
    case error
    case warning
}

/// A problem not tied to one record.
public struct PlanFinding: Codable, Sendable, Hashable {
    public var severity: PlanSeverity
    public var message: String
    public var fix: String?
    public var location: PlanLocation?

    public init(severity: PlanSeverity, message: String, fix: String? = nil, location: PlanLocation? = nil) {
        self.severity = severity
        self.message = message
        self.fix = fix
        self.location = location
    }
}

/// A file position: 1-based line, and column when known.
public struct PlanLocation: Codable, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)" }
}

/// The SOA serial before and after, and the scheme it follows.
public struct SerialChange: Codable, Sendable, Hashable {
    public var from: UInt32
    public var to: UInt32
    /// `date` (YYYYMMDDnn), `unixtime` or `counter`.
    public var scheme: String
    public var location: PlanLocation?
}

/// The edits to one file, against its content as read (identified by its SHA-256).
public struct FileChange: Codable, Sendable, Hashable {
    /// Path as the plan shows it (relative to the current directory).
    public var path: String
    /// SHA-256 of the file when the plan was made, hex.
    public var sha256: String
    public var edits: [FileEdit]
}

/// One byte-range replacement, in the file's original offsets.
public struct FileEdit: Codable, Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var text: String
}

extension FileEdit {
    /// A saved plan is input like any other: a range that is not `0 <= start <= end` is refused here,
    /// where it is read, because building `start..<end` from it traps (SIGILL) before anything can check it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Int.self, forKey: .start)
        let end = try container.decode(Int.self, forKey: .end)
        guard start >= 0, end >= start else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container,
                debugDescription: "edit \(start)-\(end) is not a byte range of the file (0 <= start <= end)")
        }
        self.init(start: start, end: end, text: try container.decode(String.self, forKey: .text))
    }
}
