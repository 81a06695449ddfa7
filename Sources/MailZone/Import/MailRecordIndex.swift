import ZoneFile

/// A zone's mail-related records (MX, TXT, CNAME) in the forms presets write them, for
/// recognising services: names lower-cased and absolute, TXT strings joined, MX and CNAME RDATA
/// in presentation form, lower-cased.
struct MailRecordIndex: Sendable {
    /// One record, by position in `records`.
    struct Entry: Sendable, Hashable {
        /// Absolute owner, lower-cased, with the trailing dot.
        var owner: String
        /// `MX`, `TXT`, `CNAME`.
        var type: String
        /// TXT: the strings joined; MX, CNAME: presentation form, lower-cased.
        var value: String
        /// Where the record is written: file as the zone shows it, line.
        var file: String
        var line: Int
    }

    var records: [Entry]
    /// The zone's origin, absolute, lower-cased.
    var origin: String
    /// Positions in `records` by every name at or above their owner (down to the origin): the records
    /// under a name in one look-up, so a zone of a million records with thousands of senders is not
    /// scanned once per sender.
    private var under: [String: [Int]] = [:]

    init(_ zone: Zone, origin: DomainName) {
        self.origin = origin.description.lowercased()
        records = zone.records(ofTypes: [.mx, .txt, .cname]).compactMap { record in
            let value: String
            switch record.type {
            case .txt: value = String(decoding: record.rdata.characterStrings.joined(), as: UTF8.self)
            case .mx, .cname: value = record.rdata.presentation.lowercased()
            default: return nil
            }
            return Entry(
                owner: record.owner.description.lowercased(), type: record.type.description, value: value,
                file: FilePaths.displayed(record.source?.path ?? ""), line: record.source?.location.line ?? 0)
        }
        for (position, entry) in records.enumerated() {
            var name = Substring(entry.owner)
            while true {
                under[String(name), default: []].append(position)
                guard name != self.origin, let dot = name.firstIndex(of: ".") else { break }
                name = name[name.index(after: dot)...]
                if name.isEmpty { break }
            }
        }
    }

    /// The records at or below `domain` (absolute, lower-cased), by position.
    func indices(under domain: String) -> [Int] {
        under[domain] ?? []
    }

    /// `owner` relative to `domain` as presets name records: `@` for the domain, `qcloud._domainkey` below it.
    static func relative(_ owner: String, to domain: String) -> String {
        owner == domain ? "@" : String(owner.dropLast(domain.count + 1))
    }

    /// Whether `text` is an SPF record (RFC 7208 §4.5: `v=spf1` alone or followed by a space).
    static func isSPF(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered == "v=spf1" || lowered.hasPrefix("v=spf1 ")
    }

    /// The domains that may send mail in the zone: names with MX or SPF records, and the names
    /// DKIM selectors (`SELECTOR._domainkey.NAME`) are published for; at or below the origin,
    /// sorted parents first.
    var candidateDomains: [String] {
        var found = Set<String>()
        for entry in records {
            if entry.type == "MX" || (entry.type == "TXT" && Self.isSPF(entry.value)) { found.insert(entry.owner) }
            let labels = entry.owner.split(separator: ".", omittingEmptySubsequences: false)
            if let key = labels.firstIndex(of: "_domainkey"), key > 0 {
                found.insert(labels[(key + 1)...].joined(separator: "."))
            }
        }
        return found.filter { $0 == origin || $0.hasSuffix("." + origin) }.sorted {
            $0.split(separator: ".").reversed().lexicographicallyPrecedes($1.split(separator: ".").reversed())
        }
    }
}
