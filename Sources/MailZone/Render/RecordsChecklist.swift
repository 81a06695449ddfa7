import Foundation
import MailAuth

/// The seed's checklist for one sender domain (`mailzone records DOMAIN`): host record,
/// type and value for each record, as a DNS console asks for them, for people whose
/// DNS is not a zone file (`schemas/records.schema.json` for the JSON form).
///
/// Host records are relative to the sender's zone when the declaration has one (`abc`,
/// `_dmarc.abc` under `sampledomain.com`); without a zone, mailzone cannot know the
/// registrable parent, so the sender domain itself is taken as the primary domain and
/// its records are at `@`, `_dmarc`, `qcloud._domainkey`. TXT values are unquoted and
/// unsplit (consoles quote and split them); an MX value is its host with the trailing
/// dot, the preference in its own column. The SPF record is one row with every
/// service's include merged, as the seed asks ("only one SPF record").
///
/// When the sender's zone file can be planned, the values are what the zone holds once
/// `mailzone apply` has run (`PostApplyRecords`, the same records `verify` checks): the zone's SPF
/// record with the includes merged in, its own MX kept under `mx: keep-existing`, its stricter
/// DMARC record kept. Following a list of the services' raw values instead could divert inbound
/// mail or weaken DMARC. Otherwise the values are the services' own and the checklist says why.
public struct RecordsChecklist: Codable, Sendable, Hashable {
    public static let formatVersion = 1

    public var version: Int
    /// The sender domain, without the trailing dot.
    public var domain: String
    /// The zone origin host records are relative to; nil when no zone is declared for the domain.
    public var zone: String?
    /// The services sending for the domain.
    public var services: [String]
    public var records: [Row]
    /// Records a service asks for that the sender's settings leave out, with the reason.
    public var omitted: [String]
    /// The zone file whose plan gives the values (each is what the zone holds after apply); nil
    /// when the values are the services' own.
    public var zoneFile: String?
    /// Why the values are the services' own although a zone is declared (its file cannot be
    /// planned, or the plan holds the sender back).
    public var notice: String?

    public struct Row: Codable, Sendable, Hashable {
        /// Relative to `zone` (or to the domain when there is no zone): `@`, `abc`, `_dmarc.abc`.
        public var host: String
        /// The absolute name, with the trailing dot.
        public var name: String
        public var type: String
        /// MX preference; only for MX.
        public var priority: Int?
        /// What to type in the console's value field.
        public var value: String
        /// `mx`, `spf`, `dkim`, `dmarc`, ...
        public var purpose: String
        /// The presets that need the record.
        public var services: [String]
        public var note: String?
    }

    /// The checklist for `domain` (case and trailing dot ignored), which must be a declared sender:
    /// what its zone holds after apply when the zone can be planned, else the services' values.
    /// `allowOutside` lets a zone file outside the declaration's tree be read, as for `plan`.
    public static func make(
        for domain: String, in declaration: Declaration,
        allowOutside: Bool = false
    ) throws(RecordsChecklistError) -> RecordsChecklist {
        guard let wanted = DeclaredName(domain),
            let index = declaration.senders.firstIndex(where: { $0.domain.value == wanted })
        else {
            let senders = declaration.senders.map(\.domain.value.text)
            throw RecordsChecklistError(domain: domain, declaration: declaration.displayPath, senders: senders)
        }
        var checklist = servicesValues(of: declaration.records(ofSender: index))
        switch PostApplyRecords.plan(sender: index, in: declaration, allowOutside: allowOutside) {
        case nil:
            break
        case .failure(let unplanned):
            checklist.notice =
                "\(unplanned.file) \(unplanned.reason); "
                + "these are the services' values, not merged with the zone's records"
        case .success(let planned):
            if case .heldBack(let reason) = planned.records.first?.outcome {
                checklist.notice =
                    "\(reason); these are the services' values: "
                    + "resolve the conflict first (mailzone plan)"
            } else {
                checklist.zoneFile = planned.file
                (checklist.records, checklist.omitted) = rows(planned.records)
            }
        }
        return checklist
    }

    /// The rows of what apply leaves, and the service MX that `mx: keep-existing` leaves out.
    private static func rows(_ planned: [PlannedRecord]) -> (rows: [Row], omitted: [String]) {
        var rows: [Row] = []
        var omitted: [String] = []
        for record in planned {
            var services = record.presets
            if case .keepsExisting = record.outcome {
                let line =
                    "MX \(record.declared) (\(record.presets.joined(separator: ", "))): "
                    + "mx: keep-existing keeps the MX above"
                if !omitted.contains(line) { omitted.append(line) }
                // The kept MX are the name's own (or another service's), not this service's.
                services = []
            }
            let note = record.notes.isEmpty ? nil : record.notes.joined(separator: "; ")
            for value in record.values {
                var shown = value
                var priority: Int? = nil
                if record.type == .mx, let mx = MXValue(value) {
                    shown = mx.exchange
                    priority = Int(mx.preference)
                }
                let row = Row(
                    host: record.relative, name: record.owner.description, type: record.type.description,
                    priority: priority, value: shown, purpose: record.purpose.rawValue, services: services,
                    note: note)
                let key = (row.host, row.type, row.value)
                if let same = rows.firstIndex(where: { ($0.host, $0.type, $0.value) == key }) {
                    // A kept MX another service of the sender asks for is that service's row already.
                    rows[same].services += row.services.filter { !rows[same].services.contains($0) }
                } else {
                    rows.append(row)
                }
            }
        }
        return (rows, omitted)
    }

    /// The checklist of the services' own values: for a sender with no zone to plan against.
    private static func servicesValues(of sender: SenderRecords) -> RecordsChecklist {
        let origin = sender.zone?.origin.value
        let base = origin ?? sender.sender.domain.value
        func host(_ owner: RecordOwner) -> String { owner.name.relative(to: base) ?? owner.name.absolute }

        var rows: [(order: Int, index: Int, row: Row)] = []
        for (index, spf) in sender.spf.enumerated() {
            let unconfirmed = spf.includes.filter(\.unconfirmed).map(\.domain)
            rows.append(
                (
                    RecordPurpose.spf.reviewOrder, index,
                    Row(
                        host: host(spf.owner), name: spf.owner.name.absolute, type: "TXT", priority: nil,
                        value: spf.newRecord,
                        purpose: "spf", services: spf.includes.map(\.preset),
                        note: unconfirmed.isEmpty ? nil : "unconfirmed include: \(unconfirmed.joined(separator: ", "))")
                ))
        }
        // With `mx: keep-existing`, the planner adds no service MX where the name already receives
        // mail; on an empty console the first service's MX are that mail: later services' MX are left out.
        var mxPresets: [String] = []
        var omittedMX: [String] = []
        for (index, record) in sender.records.enumerated() {
            if record.purpose == .mx, record.type.uppercased() == "MX", record.owner.name == sender.sender.domain.value
            {
                if sender.sender.mxPolicy == .keepExisting, let first = mxPresets.first, !record.presets.contains(first)
                {
                    omittedMX.append("\(record.value) (\(record.presets.joined(separator: ", ")))")
                    continue
                }
                mxPresets += record.presets.filter { !mxPresets.contains($0) }
            }
            var value = record.value
            var priority: Int? = nil
            if record.type.uppercased() == "MX", let mx = MXValue(record.value) {
                value = mx.exchange.hasSuffix(".") ? mx.exchange : mx.exchange + "."
                priority = Int(mx.preference)
            }
            let notes = [record.unconfirmed ? "unconfirmed value" : nil, record.note].compactMap { $0 }
            rows.append(
                (
                    record.purpose.reviewOrder, sender.spf.count + index,
                    Row(
                        host: host(record.owner), name: record.owner.name.absolute, type: record.type.uppercased(),
                        priority: priority,
                        value: value, purpose: record.purpose.rawValue, services: record.presets,
                        note: notes.isEmpty ? nil : notes.joined(separator: "; "))
                ))
        }
        return RecordsChecklist(
            version: formatVersion, domain: sender.sender.domain.value.text, zone: origin?.absolute,
            services: sender.sender.services.map(\.preset.value),
            records: rows.sorted { ($0.order, $0.index) < ($1.order, $1.index) }.map(\.row),
            omitted: omittedMX.map { "MX \($0): mx: keep-existing keeps the MX above" }, zoneFile: nil, notice: nil)
    }

    /// The aligned table, with a heading that says what the host records are relative to.
    public func renderText() -> String {
        var out = "Records for \(domain) (\(services.joined(separator: ", ")))\n"
        if let zone {
            out += "Host records are relative to the zone \(zone.dropLast()) (@ is \(zone.dropLast())).\n"
        } else {
            out +=
                "No zone is declared for \(domain): host records are relative to \(domain) itself (@ is \(domain)).\n"
        }
        if let zoneFile {
            out += "Values are what \(zoneFile) holds once `mailzone apply` has run: its own records merged or kept.\n"
        } else if let notice {
            out += "Not from the zone: \(notice).\n"
        } else {
            out += "Values are the services' own: no zone file is read.\n"
        }
        out += "\n"
        let rows = records.map { row in
            [row.host, row.type, row.priority.map(String.init) ?? "", row.value]
        }
        out += TextTable(header: ["Host record", "Type", "Priority", "Record value"], rows: rows).render()
        let notes = records.filter { $0.note != nil }
        if !notes.isEmpty || !omitted.isEmpty {
            out += "\nNotes:\n"
            for row in notes { out += "  \(row.host) \(row.type): \(row.note ?? "")\n" }
            for line in omitted { out += "  left out: \(line)\n" }
        }
        if zoneFile == nil, let spf = records.first(where: { $0.purpose == "spf" }) {
            out +=
                "\nKeep one SPF record per name: if \(spf.host) already has one, add the include: terms to it instead.\n"
        }
        return out
    }
}

/// A `records` request for a domain the declaration does not list as a sender.
public struct RecordsChecklistError: Error, Sendable, Hashable, CustomStringConvertible {
    public var domain: String
    public var declaration: String
    public var senders: [String]

    public var description: String {
        var text = "\(domain) is not a sender in \(declaration)"
        text += Suggestion.didYouMean(domain.lowercased(), in: senders)
        if !senders.isEmpty { text += "\n    senders: \(senders.joined(separator: ", "))" }
        return text
    }
}

/// What `records --format json` prints instead of a checklist when there is none (the declaration has
/// errors, or the domain is not one of its senders): the same words as on stderr, for scripts.
public struct RecordsErrorDocument: Encodable, Sendable {
    public var version = 1
    public var domain: String
    public var errors: [PlanFinding]

    public init(domain: String, errors: [PlanFinding]) {
        self.domain = domain
        self.errors = errors
    }

    /// A domain the declaration does not list: one error without a place in a file.
    public init(_ error: RecordsChecklistError) {
        self.init(domain: error.domain, errors: [PlanFinding(severity: .error, message: error.description)])
    }
}
