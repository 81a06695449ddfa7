/// The comment mailzone writes on a record line it manages, so the zone file itself records
/// what mailzone may later change or remove (docs/OWNERSHIP.md says why a comment, and not a
/// TXT registry or a state file):
///
///     qcloud._domainkey  TXT  "v=DKIM1; ..." ; mailzone: sender=example.com service=tencent-ses
///     @  TXT  "v=spf1 include:_spf.google.com include:qcloudmail.com -all" ; mailzone: sender=example.com spf=merged include:qcloudmail.com=tencent-ses
///
/// A marker is the part of a record's comment that starts with `;`, optional blanks and
/// `mailzone:`, up to the end of the line; a comment the user wrote before it stays theirs
/// (`; our relay ; mailzone: ...`). After `mailzone:` come fields separated by blanks:
/// - `sender=DOMAIN` or `sender=@`, once: the declared sender whose record it is;
/// - `service=NAME[,NAME...]`: the services (presets) that asked for the record (not on SPF lines);
///   without it the record is the sender's own (a DMARC record its `dmarc:` setting asks for);
/// - `spf=created|merged`, SPF lines only: whether mailzone wrote the whole record or merged terms
///   into one that was there; a record left with nothing but `all` is removed only when `created`;
/// - `TERM=NAME[,NAME...]`, SPF lines only: a term mailzone put in the record (`include:qcloudmail.com`)
///   and the services that need it. Terms not listed are someone else's and are never touched.
///
/// `sender=@` is the `$ORIGIN` in force on the line (apply writes it so when the sender is that name):
/// a line in an `$INCLUDE` shared by several zones then says the same for each of them, as its
/// relative owner does. Any other sender is written as a full domain name, trailing dot optional.
///
/// The record is owned; nothing else on its line is. Reading never fails the plan: a marker that
/// does not parse is reported (file, line, column) and the record counts as not owned.
public struct OwnershipMarker: Sendable, Hashable {
    /// The sender the record belongs to.
    public var sender: MarkerSender
    /// The services that asked for the record, in declaration order (empty on SPF lines).
    public var services: [String]
    /// For an SPF record: whether mailzone created it, and the terms it manages.
    public var spf: SPFOwnership?

    public init(sender: MarkerSender, services: [String] = [], spf: SPFOwnership? = nil) {
        self.sender = sender
        self.services = services
        self.spf = spf
    }

    /// The word that opens a marker after the `;`.
    public static let keyword = "mailzone:"
    /// `keyword`'s octets.
    static let keywordBytes = Array(keyword.utf8)

    /// The marker as a comment, `; mailzone: sender=... service=...`, ready to follow a record's RDATA.
    public var comment: String {
        var text: [UInt8] = []
        appendComment(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// `comment` appended to `text` as octets: a comment is written on every record a plan creates, and the
    /// editor writes it straight after the record's line.
    public func appendComment(to text: inout [UInt8]) {
        text += Self.commentStart
        switch sender {
        case .origin: text.append(UInt8(ascii: "@"))
        case .domain(let name):
            for (index, label) in name.labels.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ".")) }
                text += label.utf8
            }
        }
        if !services.isEmpty {
            text += Self.serviceField
            Self.append(services, to: &text)
        }
        if let spf {
            text += Self.spfField
            text += spf.origin.rawValue.utf8
            for term in spf.terms {
                text.append(UInt8(ascii: " "))
                text += term.term.utf8
                text.append(UInt8(ascii: "="))
                Self.append(term.services, to: &text)
            }
        }
    }

    /// `names` joined by commas.
    private static func append(_ names: [String], to text: inout [UInt8]) {
        for (index, name) in names.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            text += name.utf8
        }
    }

    private static let commentStart = Array(("; " + keyword + " sender=").utf8)
    private static let serviceField = Array(" service=".utf8)
    private static let spfField = Array(" spf=".utf8)
}

/// The `sender=` of a marker: `@` (the `$ORIGIN` in force on the marked line) or a domain name.
public enum MarkerSender: Sendable, Hashable {
    case origin
    case domain(DeclaredName)

    /// As the marker writes it: `@`, or the domain without trailing dot.
    public var text: String {
        switch self {
        case .origin: "@"
        case .domain(let name): name.text
        }
    }

    /// The sender's domain on a line where `origin` is the `$ORIGIN` in force.
    public func resolved(origin: DeclaredName) -> DeclaredName {
        switch self {
        case .origin: origin
        case .domain(let name): name
        }
    }

    /// `@` when `domain` is the line's origin, else the domain: how apply writes a sender on a line.
    public static func written(_ domain: DeclaredName, onLineWithOrigin origin: DeclaredName?) -> MarkerSender {
        domain == origin ? .origin : .domain(domain)
    }
}

/// What mailzone manages in one SPF record.
public struct SPFOwnership: Sendable, Hashable {
    public enum Origin: String, Sendable, Hashable {
        /// mailzone wrote the record: it may remove it once no managed term is left.
        case created
        /// The record was there; mailzone added terms to it: the record itself stays.
        case merged
    }

    public var origin: Origin
    /// The managed terms, in the order they were added.
    public var terms: [ManagedSPFTerm]

    public init(origin: Origin, terms: [ManagedSPFTerm]) {
        self.origin = origin
        self.terms = terms
    }

    /// The managed term equal to `term` (SPF terms compare without case), if any.
    public func managed(_ term: String) -> ManagedSPFTerm? {
        terms.first { $0.term.lowercased() == term.lowercased() }
    }
}

/// One SPF term mailzone added, and the services that need it.
public struct ManagedSPFTerm: Sendable, Hashable {
    /// The term as written in the record, `include:qcloudmail.com`.
    public var term: String
    public var services: [String]

    public init(term: String, services: [String]) {
        self.term = term
        self.services = services
    }
}

/// Why a marker comment cannot be read, and where in the comment.
public struct OwnershipMarkerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Byte offset (UTF-8) in the comment text, 0 at its `;`.
    public var offset: Int
    public var message: String
    public var fix: String

    public var description: String { message }
}

extension OwnershipMarker {
    /// Finds and reads the marker in a record's comment (`; ...`, as the zone file has it, without the
    /// line ending). Nil when the comment holds no marker; `offset` is where the marker's `;` is.
    public static func find(inComment comment: String) throws(OwnershipMarkerError) -> (
        marker: OwnershipMarker, offset: Int
    )? {
        let bytes = Array(comment.utf8)
        guard let start = markerStart(in: bytes) else { return nil }
        let marker = try parse(bytes, from: start.fieldsStart)
        return (marker, start.semicolon)
    }

    /// Where the marker of `bytes` begins: its `;`, and the first byte after `mailzone:`.
    static func markerStart(in bytes: [UInt8]) -> (semicolon: Int, fieldsStart: Int)? {
        let keyword = Array(keyword.utf8)
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: ";") else { continue }
            var at = index + 1
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 { at += 1 }
            guard at + keyword.count <= bytes.count,
                zip(bytes[at..<(at + keyword.count)], keyword).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
            else { continue }
            return (index, at + keyword.count)
        }
        return nil
    }

    private static func parse(_ bytes: [UInt8], from start: Int) throws(OwnershipMarkerError) -> OwnershipMarker {
        func fail(_ offset: Int, _ message: String, _ fix: String) -> OwnershipMarkerError {
            OwnershipMarkerError(offset: offset, message: message, fix: fix)
        }
        let known = "known fields: sender=, service=, spf=, and SPF terms such as include:example.net=SERVICE"
        var sender: MarkerSender? = nil
        var services: [String]? = nil
        var origin: SPFOwnership.Origin? = nil
        var terms: [ManagedSPFTerm] = []
        var firstTermOffset: Int? = nil
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D {
                index += 1
                continue
            }
            let fieldStart = index
            while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != 0x0D { index += 1 }
            let field = Array(bytes[fieldStart..<index])
            guard let equals = field.lastIndex(of: UInt8(ascii: "=")), equals > 0 else {
                throw fail(
                    fieldStart, "'\(String(decoding: field, as: UTF8.self))' in the mailzone marker is not KEY=VALUE",
                    known)
            }
            let key = String(decoding: field[..<equals], as: UTF8.self)
            let value = String(decoding: field[(equals + 1)...], as: UTF8.self)
            let valueOffset = fieldStart + equals + 1
            switch key.lowercased() {
            case "sender":
                guard sender == nil else {
                    throw fail(fieldStart, "the mailzone marker names its sender twice", "keep one sender= field")
                }
                if value == "@" {
                    sender = .origin
                } else if let name = DeclaredName(value) {
                    sender = .domain(name)
                } else {
                    throw fail(
                        valueOffset, "'\(value)' in the mailzone marker is not a domain name",
                        "write the sender domain as the declaration does (sender=news.example.com), or @ for the origin"
                    )
                }
            case "service":
                guard services == nil else {
                    throw fail(
                        fieldStart, "the mailzone marker lists service= twice", "list every service in one field")
                }
                services = try serviceList(value, at: valueOffset)
            case "spf":
                guard origin == nil else {
                    throw fail(fieldStart, "the mailzone marker has spf= twice", "keep one spf= field")
                }
                guard let parsed = SPFOwnership.Origin(rawValue: value.lowercased()) else {
                    throw fail(valueOffset, "spf=\(value) in the mailzone marker is not created or merged", known)
                }
                origin = parsed
            default:
                guard key.contains(":") else {
                    throw fail(fieldStart, "unknown field '\(key)' in the mailzone marker", known)
                }
                guard !terms.contains(where: { $0.term.lowercased() == key.lowercased() }) else {
                    throw fail(fieldStart, "the mailzone marker lists \(key) twice", "list each SPF term once")
                }
                if firstTermOffset == nil { firstTermOffset = fieldStart }
                terms.append(ManagedSPFTerm(term: key, services: try serviceList(value, at: valueOffset)))
            }
        }
        guard let sender else {
            throw fail(start, "the mailzone marker has no sender= field", "add sender=DOMAIN, the sender it belongs to")
        }
        if let firstTermOffset, origin == nil {
            throw fail(
                firstTermOffset, "the mailzone marker lists SPF terms without spf=created or spf=merged",
                "add spf=created (mailzone wrote the record) or spf=merged (it added terms to one that was there)")
        }
        if origin != nil, services != nil {
            throw fail(
                start, "the mailzone marker has both service= and spf=",
                "on an SPF line, name each term's services (include:example.net=SERVICE) instead of service=")
        }
        return OwnershipMarker(
            sender: sender, services: services ?? [], spf: origin.map { SPFOwnership(origin: $0, terms: terms) })
    }

    /// `a,b`: service names as presets spell them (`tencent-ses`; a Domain Connect template's
    /// `provider.service`): no blank, comma, `=` or `;`, not empty.
    private static func serviceList(_ value: String, at offset: Int) throws(OwnershipMarkerError) -> [String] {
        var names: [String] = []
        var at = offset
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part)
            guard !name.isEmpty,
                name.unicodeScalars.allSatisfy({
                    $0.value > 0x20 && $0.value != 0x7F && !",=;".unicodeScalars.contains($0)
                })
            else {
                throw OwnershipMarkerError(
                    offset: at, message: "'\(name)' in the mailzone marker is not a service name",
                    fix: "write the service as its preset is named (tencent-ses), several separated by commas")
            }
            names.append(name)
            at += part.utf8.count + 1
        }
        return names
    }
}
